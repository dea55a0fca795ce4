import { clock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { toFeedView } from "./announcement-view";
import type { FeedAnnouncement } from "./announcement.types";
import { audienceWhere, type Reader } from "./audience-where";
import { feedSelect } from "./feed-select";
import { both, currentWhere } from "./feed-where";

/** What shows on the reader's home now, newest first, each marked read or unread by them; one query. */
export async function listCurrentFeed(reader: Reader, limit: number): Promise<{ items: FeedAnnouncement[]; unread: number }> {
  const now = clock.now();
  const where = both(await audienceWhere(reader), currentWhere(now));
  const [rows, unread] = await Promise.all([
    db.announcement.findMany({ where, select: feedSelect(reader.id), orderBy: [{ publishAt: "desc" }, { id: "asc" }], take: limit }),
    db.announcement.count({ where: { ...where, reads: { none: { readerId: reader.id } } } }),
  ]);
  return { items: rows.map((r) => toFeedView(r, now)), unread };
}
