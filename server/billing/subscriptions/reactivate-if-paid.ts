import type { AuditActor } from "@/server/audit/record-audit";
import { recordAudit } from "@/server/audit/record-audit";
import { clock } from "@/server/shared/clock";
import type { Tx } from "../ledger/money-transaction";
import type { LockedTenant } from "../ledger/lock-tenant";
import { getBalance, getLastChargedMonth } from "../ledger/get-balance";
import { monthOf } from "../rules/months";
import { chargeMonth } from "./charge-month";
import { loadService } from "./load-service";

/**
 * After money came in: a tenant suspended for non-payment is charged the month it is in (if not
 * charged yet) and reactivated when its balance pays it (seed 002: expiry suspends; paying
 * reactivates). Suspensions an operator made stay as they are. The caller holds the tenant lock.
 */
export async function reactivateIfPaid(tx: Tx, tenant: LockedTenant, actor: AuditActor | null): Promise<boolean> {
  if (tenant.status !== "suspended" || tenant.suspendedReason !== "non_payment") return false;
  const now = clock.now();
  const service = await loadService(tenant.id, tx);
  const start = service?.subscription.status === "active" ? service.subscription.billingStartMonth : null;
  const month = monthOf(now, tenant.timeZone);
  if (service && start && month >= start && (await getLastChargedMonth(tenant.id, tx)) !== month) {
    const balance = await getBalance(tenant.id, tx);
    const { charged } = await chargeMonth(tx, { tenantId: tenant.id, service, month, balance, now, actor });
    if (!charged) return false;
  }
  await tx.tenant.update({ where: { id: tenant.id }, data: { status: "active", suspendedReason: null, suspendedAt: null } });
  const system: AuditActor = { id: null, email: null, role: null, tenantId: null, ip: null };
  await recordAudit(actor ?? system, { action: "tenant.reactivate", tenantId: tenant.id, target: { type: "tenant", id: tenant.id }, details: { month } }, tx);
  return true;
}
