import { formatIp, maskTo, parseIp } from "../ip-rules/ip-address";

// The pure half of the lockout (docs/security.md, "Lockout"); run-sign-in-gate.ts does the I/O.

/** Results that count towards a lockout: a wrong password, or a wrong or replayed second factor. */
export const COUNTED_RESULTS = ["bad_credentials", "second_factor_failed"] as const;

const minutes = (n: number) => n * 60_000;

/**
 * Where counting starts: the window's start, moved forward past the last event that wipes the
 * slate (a successful sign-in, a lock's end or an admin's unlock), so an unlocked account gets
 * its full number of tries again and a user who signed in is not locked by old typos.
 */
export function countingSince(now: Date, windowMinutes: number, resets: readonly (Date | null | undefined)[]): Date {
  const latest = Math.max(now.getTime() - minutes(windowMinutes), ...resets.filter((d): d is Date => !!d && d <= now).map((d) => d.getTime()));
  return new Date(latest);
}

/** The end of a lock as far as counting is concerned: when it was lifted, or when it ran out. */
export function lockEnd(lock: { lockedUntil: Date; unlockedAt: Date | null } | null): Date | null {
  if (!lock) return null;
  return lock.unlockedAt && lock.unlockedAt < lock.lockedUntil ? lock.unlockedAt : lock.lockedUntil;
}

export type LockDecision = { lock: false } | { lock: true; lockedUntil: Date };

/** `failures` counted since countingSince (the current one included) reach `threshold` → locked for `lockMinutes`. */
export function lockDecision(failures: number, threshold: number, lockMinutes: number, now: Date): LockDecision {
  if (threshold <= 0 || failures < threshold) return { lock: false };
  return { lock: true, lockedUntil: new Date(now.getTime() + minutes(lockMinutes)) };
}

/**
 * The network an address belongs to for the new-network warning: its /24 (IPv4) or /48 (IPv6,
 * one site), so a phone moving between addresses of one provider's block is not "new" every
 * time. Null for an unknown or unparsable address.
 */
export function networkKeyOf(ip: string | null): string | null {
  if (!ip) return null;
  const parsed = parseIp(ip);
  if (!parsed.ok) return null;
  const prefix = parsed.ip.version === 4 ? 24 : 48;
  return `${formatIp(maskTo(parsed.ip, prefix))}/${prefix}`;
}

/**
 * Whose sign-in rate budget an address spends: an IPv4 address its own, an IPv6 address its /64's.
 * One subscriber holds a whole /64 (often far more), so a budget per /128 would let one client
 * rotate through 2^64 addresses and never be limited. Unparsable text is its own subject.
 */
export function rateSubjectOf(ip: string): string {
  const parsed = parseIp(ip);
  if (!parsed.ok || parsed.ip.version === 4) return ip;
  return `${formatIp(maskTo(parsed.ip, 64))}/64`;
}
