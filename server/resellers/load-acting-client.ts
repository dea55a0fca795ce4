import { db } from "@/server/shared/db";
import { notFound } from "@/server/shared/errors";
import type { TenantStatus } from "@/server/generated/prisma/enums.ts";
import { assertResellerOwnsTenant } from "./assert-reseller-owns-tenant";

export type ActingClient = { id: string; name: string; status: TenantStatus; ownerResellerId: string; ownerName: string; viaSubReseller: boolean };

/**
 * The client a reseller's client pages are about, checked against the reseller's tree first
 * (NOT_FOUND outside it). `viaSubReseller`: the client belongs to one of its sub-resellers.
 */
export async function loadActingClient(resellerId: string, tenantId: string): Promise<ActingClient> {
  const { ownerResellerId } = await assertResellerOwnsTenant(resellerId, tenantId);
  const tenant = await db.tenant.findUnique({ where: { id: tenantId }, select: { id: true, name: true, status: true, reseller: { select: { name: true } } } });
  if (!tenant) throw notFound("Tenant");
  return { id: tenant.id, name: tenant.name, status: tenant.status, ownerResellerId, ownerName: tenant.reseller?.name ?? "", viaSubReseller: ownerResellerId !== resellerId };
}
