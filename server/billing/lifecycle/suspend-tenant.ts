import type { AuditActor } from "@/server/audit/record-audit";
import { recordAudit } from "@/server/audit/record-audit";
import { clock } from "@/server/shared/clock";
import { DomainError } from "@/server/shared/errors";
import { lockTenant } from "../ledger/lock-tenant";
import { moneyTransaction } from "../ledger/money-transaction";
import { readTenantLifecycle, type TenantLifecycleView } from "./tenant-lifecycle-view";
import type { TTenantActionRequest } from "./tenant-action.types";

/**
 * An operator suspends a tenant (abuse, a contract dispute). The reason `operator` means a
 * payment does not lift it. A tenant already suspended for non-payment becomes an operator
 * suspension, so paying no longer reactivates it; it keeps its suspension date.
 */
export async function suspendTenant(actor: AuditActor, input: TTenantActionRequest): Promise<TenantLifecycleView> {
  return moneyTransaction(async (tx) => {
    const tenant = await lockTenant(tx, input.tenantId);
    if (tenant.status === "frozen") {
      throw new DomainError("PRECONDITION_FAILED", "This tenant is terminated (frozen): restore it before suspending it");
    }
    if (tenant.status === "suspended" && tenant.suspendedReason === "operator") {
      throw new DomainError("CONFLICT", "This tenant is already suspended by an operator");
    }
    await tx.tenant.update({
      where: { id: tenant.id },
      data: { status: "suspended", suspendedReason: "operator", ...(tenant.status === "active" ? { suspendedAt: clock.now() } : {}) },
    });
    await recordAudit(
      actor,
      {
        action: "tenant.suspend",
        tenantId: tenant.id,
        target: { type: "tenant", id: tenant.id },
        details: { reason: input.reason, previousStatus: tenant.status, previousReason: tenant.suspendedReason },
      },
      tx,
    );
    return readTenantLifecycle(tx, tenant.id);
  });
}
