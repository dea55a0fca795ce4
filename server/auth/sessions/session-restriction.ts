import type { SessionRole } from "@/server/auth/roles";
import type { SecurityPolicyValues } from "@/server/auth/policy/security-policy";
import type { SessionUser } from "@/server/auth/session-user";
import { passwordAgeState } from "@/server/auth/passwords/password-age";
import { totpRequired } from "@/server/auth/totp/totp-required";

export type Restriction = NonNullable<SessionUser["restriction"]>;

/**
 * What the account must do before anything else (pure). An expired password comes first: the
 * second-factor page is of no use to someone whose password an attacker may hold.
 */
export function sessionRestriction(
  account: { role: SessionRole; passwordSetAt: Date; totpEnabled: boolean },
  policy: SecurityPolicyValues,
  now: Date,
): Restriction | null {
  if (passwordAgeState(policy, account.passwordSetAt, now).state === "expired") return "change_password";
  if (totpRequired(account.role, policy) && !account.totpEnabled) return "enrol_totp";
  return null;
}
