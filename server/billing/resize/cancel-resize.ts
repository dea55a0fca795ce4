import type { AuditActor } from "@/server/audit/record-audit";
import { recordAudit } from "@/server/audit/record-audit";
import { clock } from "@/server/shared/clock";
import { DomainError, notFound } from "@/server/shared/errors";
import { lockTenant } from "../ledger/lock-tenant";
import { moneyTransaction } from "../ledger/money-transaction";
import { monthOf } from "../rules/months";

/** Cancels a scheduled change before its month; an applied change is history and stays. */
export async function cancelResize(actor: AuditActor, tenantId: string, resizeId: string): Promise<{ id: string; status: string }> {
  return moneyTransaction(async (tx) => {
    const tenant = await lockTenant(tx, tenantId);
    const resize = await tx.resizeChange.findFirst({ where: { id: resizeId, tenantId } });
    if (!resize) throw notFound("Scheduled change");
    if (resize.status === "cancelled") return { id: resize.id, status: resize.status };
    // Once its month has begun the change is in force, even if the run has not written it yet.
    if (resize.status === "applied" || monthOf(clock.now(), tenant.timeZone) >= resize.effectiveMonth) {
      throw new DomainError("CONFLICT", `This change took effect on ${resize.effectiveMonth}-01 and can no longer be cancelled`);
    }
    await tx.resizeChange.update({ where: { id: resize.id }, data: { status: "cancelled", cancelledAt: clock.now() } });
    await recordAudit(actor, { action: "billing.resize.cancel", tenantId, target: { type: "resize", id: resize.id }, details: { effectiveMonth: resize.effectiveMonth } }, tx);
    return { id: resize.id, status: "cancelled" };
  });
}
