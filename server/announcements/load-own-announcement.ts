import type { db } from "@/server/shared/db";
import { DomainError, say } from "@/server/shared/errors";
import { MANAGED_INCLUDE } from "./announcement-view";
import { announcementNotFound, publisherWhere, type Publisher } from "./publisher";

type Reader = Pick<typeof db, "announcement">;

/** One of the publisher's own announcements (not deleted); anyone else's is NOT_FOUND. */
export async function loadOwnAnnouncement(tx: Reader, publisher: Publisher, id: string) {
  const row = await tx.announcement.findFirst({ where: { id, deletedAt: null, ...publisherWhere(publisher) }, include: MANAGED_INCLUDE });
  if (!row) throw announcementNotFound();
  return row;
}

/** A maintenance window's announcement follows its window: it is changed by scheduling or cancelling that. */
export function refuseMaintenance(row: { maintenanceWindowId: string | null }): void {
  if (row.maintenanceWindowId) {
    throw new DomainError("CONFLICT", say("This announcement belongs to a maintenance window: change or cancel the window instead", "该公告属于维护窗口：请修改或取消维护窗口"));
  }
}
