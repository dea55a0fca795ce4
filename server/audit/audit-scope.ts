import type { SessionUser } from "@/server/auth/session-user";
import { DomainError } from "@/server/shared/errors";

/**
 * Whose part of the operation log a user may read: operators the whole log (null), a tenant
 * admin only their own tenant's rows. Resellers have no operation log yet.
 */
export function auditScopeOf(user: SessionUser): { scopeTenantId: string | null } {
  if (user.role === "operator") return { scopeTenantId: null };
  if (user.role === "tenant_admin" && user.tenantId) return { scopeTenantId: user.tenantId };
  throw new DomainError("FORBIDDEN", "The operation log is for operators and tenant administrators");
}
