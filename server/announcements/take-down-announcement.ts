import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { clock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { DomainError, say } from "@/server/shared/errors";
import { announcementState } from "./announcement-rules";
import { MANAGED_INCLUDE, toManagedView } from "./announcement-view";
import type { ManagedAnnouncement } from "./announcement.types";
import { loadOwnAnnouncement, refuseMaintenance } from "./load-own-announcement";
import { auditTenantOf, type Publisher } from "./publisher";

/**
 * Takes a current announcement down now; it stays in the readers' history as ended. Already
 * ended: returned as it is (a retried click). Not yet published: nothing to take down (edit or
 * delete it instead).
 */
export async function takeDownAnnouncement(actor: AuditActor, publisher: Publisher, id: string): Promise<ManagedAnnouncement> {
  return db.$transaction(async (tx) => {
    const row = await loadOwnAnnouncement(tx, publisher, id);
    refuseMaintenance(row);
    const now = clock.now();
    const state = announcementState(row, now);
    if (state === "ended") return toManagedView(row, now);
    if (state !== "current") throw new DomainError("CONFLICT", say("This announcement is not showing yet: edit or delete it instead", "该公告尚未上线：请修改或删除"));
    const updated = await tx.announcement.update({ where: { id }, data: { takeDownAt: now }, include: MANAGED_INCLUDE });
    await recordAudit(
      actor,
      { action: "announcement.take_down", tenantId: auditTenantOf(publisher), target: { type: "announcement", id }, details: { plannedTakeDownAt: row.takeDownAt?.toISOString() ?? null, takenDownAt: now.toISOString() } },
      tx,
    );
    return toManagedView(updated, now);
  });
}
