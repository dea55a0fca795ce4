import type { AuditActor } from "@/server/audit/record-audit";
import { recordAudit } from "@/server/audit/record-audit";
import { DomainError } from "@/server/shared/errors";
import { lockTenant } from "../ledger/lock-tenant";
import { moneyTransaction } from "../ledger/money-transaction";
import { reactivateIfPaid } from "../subscriptions/reactivate-if-paid";
import { readTenantLifecycle, type TenantLifecycleView } from "./tenant-lifecycle-view";
import type { TTenantActionRequest } from "./tenant-action.types";

/**
 * An operator lifts an operator suspension. The tenant then stands where its balance puts it:
 * the lifted suspension becomes a non-payment one and `reactivateIfPaid` charges the month if
 * due and reactivates, or leaves it suspended for non-payment when the balance cannot pay.
 * A non-payment suspension is never lifted by hand: only paying lifts it.
 */
export async function unsuspendTenant(actor: AuditActor, input: TTenantActionRequest): Promise<TenantLifecycleView> {
  return moneyTransaction(async (tx) => {
    const tenant = await lockTenant(tx, input.tenantId);
    if (tenant.status === "frozen") {
      throw new DomainError("PRECONDITION_FAILED", "This tenant is terminated (frozen): restore it first");
    }
    if (tenant.status !== "suspended") {
      throw new DomainError("PRECONDITION_FAILED", `This tenant is not suspended: it is ${tenant.status}`);
    }
    if (tenant.suspendedReason === "non_payment") {
      throw new DomainError(
        "PRECONDITION_FAILED",
        "This tenant is suspended for non-payment, which an operator cannot lift: the customer must pay or top up, and that reactivates it",
      );
    }
    await tx.tenant.update({ where: { id: tenant.id }, data: { suspendedReason: "non_payment" } });
    const reactivated = await reactivateIfPaid(tx, { ...tenant, suspendedReason: "non_payment" }, actor);
    await recordAudit(
      actor,
      { action: "tenant.unsuspend", tenantId: tenant.id, target: { type: "tenant", id: tenant.id }, details: { reason: input.reason, reactivated } },
      tx,
    );
    return readTenantLifecycle(tx, tenant.id);
  });
}
