import type { SessionUser } from "@/server/auth/session-user";
import { DomainError, say } from "@/server/shared/errors";

/**
 * Whose part of the login log a user may read: operators all of it (null), a tenant admin only
 * their tenant's rows (its admins' and its mailboxes' sign-ins). Resellers have none.
 */
export function loginLogScopeOf(user: SessionUser): { scopeTenantId: string | null } {
  if (user.role === "operator") return { scopeTenantId: null };
  if (user.role === "tenant_admin" && user.tenantId) return { scopeTenantId: user.tenantId };
  throw new DomainError("FORBIDDEN", say("The login log is for operators and tenant administrators", "登录日志仅供运营人员和企业管理员查看"));
}
