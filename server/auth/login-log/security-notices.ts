import { db } from "@/server/shared/db";
import { clock } from "@/server/shared/clock";
import { DomainError, say } from "@/server/shared/errors";
import type { SessionRole } from "@/server/auth/roles";
import { loadSecurityPolicy, policyScopeOf } from "@/server/auth/policy/security-policy";
import { passwordAgeState, passwordSetAt } from "@/server/auth/passwords/password-age";
import { totpRequired } from "@/server/auth/totp/totp-required";
import { accountEventsWhere } from "./account-events";
import { networkKeyOf } from "@/server/auth/gate/lockout-rules";

/** A sign-in from a network new to the account stays on the home page this long. */
export const NEW_NETWORK_NOTICE_DAYS = 7;

export type TSecurityNotices = {
  /** The newest successful sign-in from a network the account had not used before, if recent. */
  newNetworkSignIn: { at: Date; ip: string | null; network: string | null } | null;
  /** Set only while the account has no second factor; `required` when its policy demands one. */
  secondFactorMissing: { required: boolean } | null;
  /** Set inside the policy's reminder window and once expired. */
  passwordExpiring: { state: "expiring" | "expired"; expiresAt: Date; daysLeft: number; maxAgeDays: number } | null;
};

/**
 * What a portal account's home page warns about (issue 11): a recent sign-in from a new
 * network (if it was not them, they change the password and revoke sessions), a missing second
 * factor, and a password about to expire under its own scope's policy.
 */
export async function securityNotices(account: { id: string; role: SessionRole; tenantId: string | null }): Promise<TSecurityNotices> {
  const now = clock.now();
  const since = new Date(now.getTime() - NEW_NETWORK_NOTICE_DAYS * 86_400_000);
  const [user, signIn] = await Promise.all([
    // Filtered by tenant too, so a stale session of a moved user shows nothing of another account.
    db.user.findFirst({
      where: { id: account.id, tenantId: account.tenantId },
      select: { totpEnabledAt: true, passwordChangedAt: true, createdAt: true, tenantId: true },
    }),
    db.loginEvent.findFirst({
      where: { AND: [accountEventsWhere({ kind: "user", id: account.id }), { result: "success", newNetwork: true, occurredAt: { gte: since } }] },
      orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
      select: { occurredAt: true, ip: true },
    }),
  ]);
  if (!user) throw new DomainError("NOT_FOUND", say("Account not found", "帐号不存在"));
  const policy = await loadSecurityPolicy(policyScopeOf(user));
  const age = passwordAgeState(policy, passwordSetAt(user), now);
  return {
    newNetworkSignIn: signIn ? { at: signIn.occurredAt, ip: signIn.ip, network: networkKeyOf(signIn.ip) } : null,
    secondFactorMissing: user.totpEnabledAt ? null : { required: totpRequired(account.role, policy) },
    passwordExpiring:
      age.state !== "ok" && age.expiresAt && age.daysLeft !== null
        ? { state: age.state, expiresAt: age.expiresAt, daysLeft: age.daysLeft, maxAgeDays: policy.passwordMaxAgeDays }
        : null,
  };
}
