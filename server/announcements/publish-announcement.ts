import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { clock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { DomainError, say } from "@/server/shared/errors";
import { announcementState, MESSAGES } from "./announcement-rules";
import { MANAGED_INCLUDE, toManagedView } from "./announcement-view";
import type { ManagedAnnouncement } from "./announcement.types";
import { loadOwnAnnouncement, refuseMaintenance } from "./load-own-announcement";
import { auditTenantOf, type Publisher } from "./publisher";

/**
 * Publishes a draft or a scheduled announcement now. Already current: returned as it is (a retried
 * click publishes once). Ended, or its take-down time already passed: refused.
 */
export async function publishAnnouncement(actor: AuditActor, publisher: Publisher, id: string): Promise<ManagedAnnouncement> {
  return db.$transaction(async (tx) => {
    const row = await loadOwnAnnouncement(tx, publisher, id);
    refuseMaintenance(row);
    const now = clock.now();
    const state = announcementState(row, now);
    if (state === "current") return toManagedView(row, now);
    if (state === "ended") throw new DomainError("CONFLICT", say("This announcement has been taken down; write a new one", "该公告已下线，请重新发布一条"));
    if (row.takeDownAt && row.takeDownAt.getTime() <= now.getTime()) {
      throw new DomainError("BAD_INPUT", MESSAGES.takeDownPast, { takeDownAt: [MESSAGES.takeDownPast] });
    }
    const updated = await tx.announcement.update({ where: { id }, data: { publishAt: now }, include: MANAGED_INCLUDE });
    await recordAudit(
      actor,
      { action: "announcement.publish", tenantId: auditTenantOf(publisher), target: { type: "announcement", id }, details: { before: state, scheduledFor: row.publishAt?.toISOString() ?? null, publishedAt: now.toISOString() } },
      tx,
    );
    return toManagedView(updated, now);
  });
}
