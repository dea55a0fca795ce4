import { clock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { audienceWhere, type Reader } from "./audience-where";
import { both, currentWhere } from "./feed-where";

/** How many current announcements the reader has not opened (the badge beside the menu entry). */
export async function countUnread(reader: Reader): Promise<number> {
  const now = clock.now();
  return db.announcement.count({ where: { ...both(await audienceWhere(reader), currentWhere(now)), reads: { none: { readerId: reader.id } } } });
}
