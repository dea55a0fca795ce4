import { clock } from "@/server/shared/clock";
import { lockTenant } from "../ledger/lock-tenant";
import { moneyTransaction } from "../ledger/money-transaction";
import { billingStartMonth, termEndMonth } from "../rules/billing-start";

/**
 * The hook the [Domains] issue calls when one of a tenant's domains first has its MX pointing at
 * us. A paid subscription that chose to start on MX (the customer already used the domain
 * elsewhere) starts billing on the 1st of the next month. Idempotent: only the first call counts.
 */
export async function onDomainMxVerified(tenantId: string, verifiedAt: Date = clock.now()): Promise<{ billingStartMonth: string | null }> {
  return moneyTransaction(async (tx) => {
    const tenant = await lockTenant(tx, tenantId);
    const firstVerifiedAt = tenant.mxVerifiedAt ?? verifiedAt;
    if (!tenant.mxVerifiedAt) await tx.tenant.update({ where: { id: tenantId }, data: { mxVerifiedAt: verifiedAt } });
    const sub = await tx.subscription.findFirst({
      where: { tenantId, status: "active", startRule: "on_mx_verified", billingStartMonth: null },
      include: { orders: { where: { kind: "subscription", status: "paid" }, select: { termYears: true } } },
    });
    if (!sub?.paidAt) return { billingStartMonth: null };
    const start = billingStartMonth("on_mx_verified", sub.paidAt, firstVerifiedAt, tenant.timeZone);
    await tx.subscription.update({
      where: { id: sub.id },
      data: { billingStartMonth: start, termEndMonth: start && termEndMonth(start, sub.orders[0]?.termYears ?? 1) },
    });
    return { billingStartMonth: start };
  });
}
