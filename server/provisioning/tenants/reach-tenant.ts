import { assertResellerOwnsTenant } from "@/server/resellers/assert-reseller-owns-tenant";
import { db } from "@/server/shared/db";
import { notFound } from "@/server/shared/errors";
import type { ApiPrincipal } from "../http/authenticate";

/**
 * The gate between a key and a tenant: an operator key reaches any tenant, a reseller key only
 * its tree's (assertResellerOwnsTenant). A tenant outside it is NOT_FOUND, like a missing one.
 */
export async function reachTenant(principal: ApiPrincipal, tenantId: string): Promise<void> {
  if (principal.resellerId) {
    await assertResellerOwnsTenant(principal.resellerId, tenantId);
    return;
  }
  if (!(await db.tenant.findUnique({ where: { id: tenantId }, select: { id: true } }))) throw notFound("Tenant");
}
