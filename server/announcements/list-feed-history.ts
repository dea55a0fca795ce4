import { clock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { toFeedView } from "./announcement-view";
import type { FeedAnnouncement } from "./announcement.types";
import { audienceWhere, type Reader } from "./audience-where";
import { feedSelect } from "./feed-select";
import { both, publishedWhere } from "./feed-where";

/** Everything ever published to the reader (taken-down ones as ended; deleted ones gone), newest first, one page. */
export async function listFeedHistory(reader: Reader, page: { page: number; pageSize: number }): Promise<{ rows: FeedAnnouncement[]; total: number }> {
  const now = clock.now();
  const where = both(await audienceWhere(reader), publishedWhere(now));
  const [rows, total] = await Promise.all([
    db.announcement.findMany({ where, select: feedSelect(reader.id), orderBy: [{ publishAt: "desc" }, { id: "asc" }], skip: (page.page - 1) * page.pageSize, take: page.pageSize }),
    db.announcement.count({ where }),
  ]);
  return { rows: rows.map((r) => toFeedView(r, now)), total };
}
