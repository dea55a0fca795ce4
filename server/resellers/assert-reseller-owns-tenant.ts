import { db } from "@/server/shared/db";
import { notFound } from "@/server/shared/errors";
import { resellersInTree } from "./reseller-tree";

/**
 * The one gate between a reseller and a client tenant (architecture convention 1): the tenant
 * must belong to the reseller or to one of its sub-resellers. Someone else's tenant and a missing
 * one answer alike, so existence never leaks. Returns the reseller the tenant belongs to.
 */
export async function assertResellerOwnsTenant(resellerId: string, tenantId: string): Promise<{ ownerResellerId: string }> {
  const tree = await resellersInTree(resellerId);
  const tenant = await db.tenant.findFirst({ where: { id: tenantId, resellerId: { in: tree } }, select: { resellerId: true } });
  if (!tenant?.resellerId) throw notFound("Tenant");
  return { ownerResellerId: tenant.resellerId };
}
