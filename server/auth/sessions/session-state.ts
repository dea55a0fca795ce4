import type { SecurityPolicyValues } from "@/server/auth/policy/security-policy";

export type SessionTimes = { createdAt: Date; lastSeenAt: Date; expiresAt: Date; revokedAt: Date | null };
export type SessionState = "active" | "revoked" | "expired" | "idle";

/** lastSeenAt is written at most this often, so a busy page costs one UPDATE a minute, not one per request. */
export const TOUCH_INTERVAL_MS = 60_000;

/**
 * Whether a session still lets its browser in (pure). The absolute timeout is fixed at sign-in
 * (expiresAt); the idle timeout runs from the last request under the policy in force now, so
 * an admin who shortens it affects sessions already open.
 */
export function sessionState(session: SessionTimes, policy: Pick<SecurityPolicyValues, "sessionIdleMinutes">, now: Date): SessionState {
  if (session.revokedAt) return "revoked";
  if (now.getTime() >= session.expiresAt.getTime()) return "expired";
  if (now.getTime() - session.lastSeenAt.getTime() >= policy.sessionIdleMinutes * 60_000) return "idle";
  return "active";
}

export function needsTouch(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() >= TOUCH_INTERVAL_MS;
}

/** The absolute end of a session begun at `now`. */
export function sessionExpiry(policy: Pick<SecurityPolicyValues, "sessionAbsoluteHours">, now: Date): Date {
  return new Date(now.getTime() + policy.sessionAbsoluteHours * 3_600_000);
}
