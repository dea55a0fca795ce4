import type { SecurityPolicyValues } from "@/server/auth/policy/security-policy";

const DAY_MS = 86_400_000;

export type PasswordAge = {
  /** ok; expiring: inside the reminder window (home-page reminder); expired: a forced change. */
  state: "ok" | "expiring" | "expired";
  /** When the password expires; null when the policy never expires passwords (max age 0). */
  expiresAt: Date | null;
  /** Whole days left, rounded up (0 once expired); null when passwords never expire. */
  daysLeft: number | null;
};

/**
 * The periodic change of seed 001 §7: a password expires `passwordMaxAgeDays` after it was set
 * (0 = never), and the reminder shows `passwordReminderDays` before that. Pure.
 */
export function passwordAgeState(
  policy: Pick<SecurityPolicyValues, "passwordMaxAgeDays" | "passwordReminderDays">,
  changedAt: Date,
  now: Date,
): PasswordAge {
  if (policy.passwordMaxAgeDays <= 0) return { state: "ok", expiresAt: null, daysLeft: null };
  const expiresAt = new Date(changedAt.getTime() + policy.passwordMaxAgeDays * DAY_MS);
  const left = expiresAt.getTime() - now.getTime();
  const daysLeft = Math.max(0, Math.ceil(left / DAY_MS));
  if (left <= 0) return { state: "expired", expiresAt, daysLeft };
  const state = left <= policy.passwordReminderDays * DAY_MS ? "expiring" : "ok";
  return { state, expiresAt, daysLeft };
}

/** When an account's password was last set: never changed since creation counts from creation. */
export const passwordSetAt = (account: { passwordChangedAt: Date | null; createdAt: Date }): Date => account.passwordChangedAt ?? account.createdAt;
