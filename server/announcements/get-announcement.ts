import { clock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { toManagedView } from "./announcement-view";
import type { ManagedAnnouncement } from "./announcement.types";
import { loadOwnAnnouncement } from "./load-own-announcement";
import type { Publisher } from "./publisher";

/** One of the publisher's announcements, for its editor; anyone else's is NOT_FOUND. */
export async function getAnnouncement(publisher: Publisher, id: string): Promise<ManagedAnnouncement> {
  return toManagedView(await loadOwnAnnouncement(db, publisher, id), clock.now());
}
