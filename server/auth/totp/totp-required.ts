import type { SessionRole } from "@/server/auth/roles";
import type { SecurityPolicyValues } from "@/server/auth/policy/security-policy";

/**
 * Whether an account must have a second factor. Operators always (they reach every tenant);
 * tenant admins when their tenant's policy requires it; resellers when the platform policy
 * does. Mailbox users never: the self-service page has no second factor (mail clients could
 * not send one either). `policy` is the account's own scope's (policyScopeOf).
 */
export function totpRequired(role: SessionRole, policy: Pick<SecurityPolicyValues, "totpPolicy">): boolean {
  if (role === "operator") return true;
  if (role === "tenant_admin" || role === "reseller") return policy.totpPolicy === "required";
  return false;
}
