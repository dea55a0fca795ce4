import { db } from "@/server/shared/db";
import { DomainError } from "@/server/shared/errors";

/**
 * The one gate between a reseller and a client tenant (architecture convention 1). Someone
 * else's tenant and a missing one answer alike, so existence never leaks.
 */
export async function assertResellerOwnsTenant(resellerId: string, tenantId: string): Promise<void> {
  const tenant = await db.tenant.findFirst({ where: { id: tenantId, resellerId }, select: { id: true } });
  if (!tenant) throw new DomainError("NOT_FOUND", "Tenant not found");
}
