import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { clock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { DomainError, say } from "@/server/shared/errors";
import type { TAlertIdRequest } from "./abuse.types";

export type AcknowledgedAlert = { id: string; acknowledgedAt: Date; acknowledgedBy: string | null };

/**
 * An operator marks an alert as handled. Idempotent: a second acknowledgement (two operators,
 * a double click) keeps the first one's time and name and is not audited again.
 */
export async function acknowledgeAlert(actor: AuditActor, input: TAlertIdRequest): Promise<AcknowledgedAlert> {
  return db.$transaction(async (tx) => {
    const by = (actor.email ?? actor.id ?? "operator").slice(0, 191);
    const now = clock.now();
    const won = await tx.operatorAlert.updateMany({ where: { id: input.alertId, acknowledgedAt: null }, data: { acknowledgedAt: now, acknowledgedBy: by } });
    const alert = await tx.operatorAlert.findUnique({ where: { id: input.alertId }, select: { id: true, kind: true, tenantId: true, mailboxId: true, acknowledgedAt: true, acknowledgedBy: true } });
    if (!alert || !alert.acknowledgedAt) throw new DomainError("NOT_FOUND", say("Alert not found", "告警不存在"));
    if (won.count === 1) {
      await recordAudit(actor, { action: "alert.acknowledge", tenantId: null, target: { type: "operator_alert", id: alert.id }, details: { kind: alert.kind, tenantId: alert.tenantId, mailboxId: alert.mailboxId } }, tx);
    }
    return { id: alert.id, acknowledgedAt: alert.acknowledgedAt, acknowledgedBy: alert.acknowledgedBy };
  });
}
