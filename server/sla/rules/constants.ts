import type { ProbeKind } from "@/server/generated/prisma/enums.ts";

// The contract's numbers (seed 002 appendix B; product.md §5). Pure constants, no I/O.

/** The contract divides by 30 × 24 × 60 whatever the month's real length (1 − Σ故障时长 / (30×24×60)). */
export const CONTRACT_MONTH_MINUTES = 30 * 24 * 60;
export const CONTRACT_MONTH_SECONDS = CONTRACT_MONTH_MINUTES * 60;

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
/** Parts per million: every ratio is an integer of ppm so comparisons with targets are exact. */
export const PPM = 1_000_000;

/** The probes whose failures make the mail service unusable (the availability promise). */
export const AVAILABILITY_PROBES: ProbeKind[] = ["smtp_mx", "submission", "pop3", "http", "e2e"];
/** Reachability of the platform's public addresses (the network connectivity promise). */
export const CONNECTIVITY_PROBES: ProbeKind[] = ["network"];

/** "10％以上的用户": 10 % of the tenant's active mailboxes, inclusive. */
export const USER_SHARE_THRESHOLD_PPM = 100_000;

/** The epoch minute an instant (ms) falls in: minutes are the unit of failure time. */
export const minuteOf = (ms: number): number => Math.floor(ms / MINUTE_MS);

/**
 * A count (minutes, seconds, mailboxes, fen…) must be a whole number ≥ 0. These rules are fed by
 * the month close, never by a person, so a bad value is a bug: a RangeError naming it, not a refusal.
 */
export function assertCount(value: number, name: string): number {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a whole number ≥ 0, got ${value}`);
  return value;
}
