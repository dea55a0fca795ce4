// When the relay tries an outbox row again after a temporary failure (4xx, a connection that
// failed or dropped, a DNS lookup that failed), when it gives up, and when the sender is told
// "still trying". Measured from when the row was queued (the message's arrival), so a worker
// that was down for a while does not stretch the five days. Pure: the caller passes "now".

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The waits after the 1st, 2nd and 3rd failed attempt; every later one waits RETRY_LATER_MS. */
export const RETRY_FIRST_STEPS_MS = [1 * MINUTE, 5 * MINUTE, 15 * MINUTE] as const;
/** After the first steps: hourly. */
export const RETRY_LATER_MS = HOUR;
/** A row still undelivered this long after it was queued bounces (DSN "failed", status 4.4.7). */
export const GIVE_UP_AFTER_MS = 5 * 24 * HOUR;
/** A row still deferred this long after it was queued gets one DSN "delayed" (RFC 3464 Action: delayed). */
export const WARN_AFTER_MS = 4 * HOUR;
/** The enhanced status of a bounce for "we kept trying and gave up" (RFC 3463: delivery time expired). */
export const GAVE_UP_STATUS = "4.4.7";

/** The wait after `failedAttempts` failed attempts (1 = the first failure). */
export function retryDelayMs(failedAttempts: number): number {
  if (!Number.isInteger(failedAttempts) || failedAttempts < 1) throw new Error(`failedAttempts must be a whole number ≥ 1, got ${failedAttempts}`);
  return RETRY_FIRST_STEPS_MS[failedAttempts - 1] ?? RETRY_LATER_MS;
}

export type RetryDecision = { kind: "retry"; at: Date } | { kind: "give-up" };

/**
 * After a temporary failure at `now`: the time of the next attempt, or give up when the row has
 * waited GIVE_UP_AFTER_MS. The last retry is placed at exactly the deadline (never after it), so a
 * failure at or past the deadline is the one that gives up.
 */
export function afterTemporaryFailure(input: { queuedAt: Date; failedAttempts: number; now: Date }): RetryDecision {
  const deadline = input.queuedAt.getTime() + GIVE_UP_AFTER_MS;
  if (input.now.getTime() >= deadline) return { kind: "give-up" };
  return { kind: "retry", at: new Date(Math.min(input.now.getTime() + retryDelayMs(input.failedAttempts), deadline)) };
}

/** True when the one "delayed" DSN is due: still waiting WARN_AFTER_MS after queueing, and none sent yet. */
export function delayWarningDue(input: { queuedAt: Date; warnedAt: Date | null; now: Date }): boolean {
  return input.warnedAt === null && input.now.getTime() - input.queuedAt.getTime() >= WARN_AFTER_MS;
}

/** The "will retry until" of a delayed DSN: when the relay gives up. */
export function giveUpAt(queuedAt: Date): Date {
  return new Date(queuedAt.getTime() + GIVE_UP_AFTER_MS);
}
