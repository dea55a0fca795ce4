import { db } from "@/server/shared/db";
import type { TenantStatus } from "@/server/generated/prisma/enums.ts";

export type ClientTenantRow = { id: string; name: string; status: TenantStatus; createdAt: Date };

/** A reseller's client tenants, newest first; only the reseller's own (scoped by resellerId). */
export async function listClientTenants(resellerId: string): Promise<ClientTenantRow[]> {
  return db.tenant.findMany({
    where: { resellerId },
    select: { id: true, name: true, status: true, createdAt: true },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
  });
}
