import type { AuditActor } from "@/server/audit/record-audit";
import { recordAudit } from "@/server/audit/record-audit";
import { DomainError } from "@/server/shared/errors";
import { lockTenant } from "../ledger/lock-tenant";
import { moneyTransaction } from "../ledger/money-transaction";
import { reactivateIfPaid } from "../subscriptions/reactivate-if-paid";
import { readTenantLifecycle, utcMinute, type TenantLifecycleView } from "./tenant-lifecycle-view";
import type { TTenantActionRequest } from "./tenant-action.types";

/**
 * An operator restores a terminated tenant before it is purged: back to suspended with the
 * reason it had, then, for a non-payment suspension, reactivated at once if its balance pays
 * the month (the same rule as a payment). An operator suspension stays until lifted.
 */
export async function restoreTenant(actor: AuditActor, input: TTenantActionRequest): Promise<TenantLifecycleView> {
  return moneyTransaction(async (tx) => {
    const tenant = await lockTenant(tx, input.tenantId);
    if (tenant.purgedAt) {
      throw new DomainError("PRECONDITION_FAILED", `This tenant was purged on ${utcMinute(tenant.purgedAt)}: its users and data are gone and it cannot be restored`);
    }
    if (tenant.status !== "frozen") {
      throw new DomainError("PRECONDITION_FAILED", `Only a terminated (frozen) tenant can be restored: this tenant is ${tenant.status}`);
    }
    await tx.tenant.update({ where: { id: tenant.id }, data: { status: "suspended", frozenUntil: null } });
    const reactivated = await reactivateIfPaid(tx, { ...tenant, status: "suspended" }, actor);
    await recordAudit(
      actor,
      {
        action: "tenant.restore",
        tenantId: tenant.id,
        target: { type: "tenant", id: tenant.id },
        details: { reason: input.reason, suspendedReason: tenant.suspendedReason, reactivated },
      },
      tx,
    );
    return readTenantLifecycle(tx, tenant.id);
  });
}
