import type { Tx } from "./domain-transaction";
import { DEFAULT_DOMAINS_PER_TENANT } from "./add-domain.types";

/**
 * How many domains the tenant may bind: its plan's `domainsPerTenant`, read from the active
 * subscription, else the newest pending one (a customer may set up its domains while its first
 * order waits for payment), else DEFAULT_DOMAINS_PER_TENANT. Alias domains count toward it: each
 * one is a separate name to verify, check and receive mail for.
 */
export async function domainLimit(tx: Tx, tenantId: string): Promise<number> {
  const subscriptions = await tx.subscription.findMany({
    where: { tenantId, status: { in: ["active", "pending"] } },
    orderBy: { createdAt: "desc" },
    select: { status: true, plan: { select: { domainsPerTenant: true } } },
  });
  const chosen = subscriptions.find((s) => s.status === "active") ?? subscriptions[0];
  return chosen?.plan.domainsPerTenant ?? DEFAULT_DOMAINS_PER_TENANT;
}

export const countTenantDomains = (tx: Tx, tenantId: string) => tx.domain.count({ where: { tenantId } });
