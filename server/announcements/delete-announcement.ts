import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { clock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { announcementState } from "./announcement-rules";
import { announcementNotFound, auditTenantOf, publisherWhere, type Publisher } from "./publisher";
import { refuseMaintenance } from "./load-own-announcement";

/**
 * Deletes an announcement of the publisher's, in any state: it leaves every home and history at
 * once. The row is kept (deletedAt) for the operation log's sake. Deleting it again is a no-op,
 * so a retried click succeeds.
 */
export async function deleteAnnouncement(actor: AuditActor, publisher: Publisher, id: string): Promise<{ id: string; deleted: true }> {
  return db.$transaction(async (tx) => {
    const row = await tx.announcement.findFirst({ where: { id, ...publisherWhere(publisher) } });
    if (!row) throw announcementNotFound();
    if (row.deletedAt) return { id, deleted: true as const };
    refuseMaintenance(row);
    const now = clock.now();
    await tx.announcement.update({ where: { id }, data: { deletedAt: now } });
    await recordAudit(
      actor,
      { action: "announcement.delete", tenantId: auditTenantOf(publisher), target: { type: "announcement", id }, details: { title: row.title, state: announcementState(row, now) } },
      tx,
    );
    return { id, deleted: true as const };
  });
}
