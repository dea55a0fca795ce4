import { db } from "@/server/shared/db";
import { adminsCache } from "./accept-caches";

/**
 * The addresses of a tenant's active administrators: who reads its postmaster@ and abuse@.
 * Cached (accept-caches).
 */
export function loadTenantAdmins(tenantId: string): Promise<string[]> {
  return adminsCache.get(tenantId, async () => {
    const users = await db.user.findMany({ where: { tenantId, role: "tenant_admin", status: "active" }, select: { email: true }, orderBy: { createdAt: "asc" } });
    return users.map((u) => u.email.toLowerCase());
  });
}
