import { lockTenant } from "@/server/billing/ledger/lock-tenant";
import { notFound } from "@/server/shared/errors";
import type { Tx } from "../domain-transaction";

/**
 * A domain and all its keys, read after locking its tenant, so rotations, activations and
 * retirements of one tenant's keys happen one after another. `tenantId` null: any tenant's
 * domain (operators, the checker); otherwise another tenant's domain is NOT_FOUND.
 */
export async function loadDomainKeysLocked(tx: Tx, domainId: string, tenantId: string | null) {
  const owner = await tx.domain.findFirst({ where: { id: domainId, ...(tenantId ? { tenantId } : {}) }, select: { tenantId: true } });
  if (!owner) throw notFound("Domain");
  await lockTenant(tx, owner.tenantId);
  const domain = await tx.domain.findUnique({
    where: { id: domainId },
    select: {
      id: true,
      tenantId: true,
      name: true,
      unicodeName: true,
      dkimKeys: { select: { id: true, selector: true, status: true, createdAt: true, activatedAt: true } },
    },
  });
  if (!domain) throw notFound("Domain"); // removed while we waited for the lock
  return domain;
}
