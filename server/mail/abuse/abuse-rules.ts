// The abuse limit as pure rules (issue 8 §8; seed 002: sending spam lets the provider suspend
// the service). A mailbox whose outbound mail rspamd scores as spam ABUSE_SPAM_PER_HOUR times
// within an hour loses its sending until an operator lifts it. One spam message is not enough:
// a user can forward one bad message by mistake; a run of them is a hijacked account or a
// spammer, and every further message harms the platform's IP reputation for every tenant.

export const ABUSE_WINDOW_MS = 60 * 60 * 1000;

/** The earliest instant whose hits still count at `now` (the window is the last hour, inclusive). */
export function abuseWindowStart(now: Date): Date {
  return new Date(now.getTime() - ABUSE_WINDOW_MS);
}

/** Whether `hitsInWindow` spam-scored messages within the hour reach the limit. */
export function shouldSuspendSending(hitsInWindow: number, limitPerHour: number): boolean {
  return limitPerHour >= 1 && hitsInWindow >= limitPerHour;
}

/** The reason stored on the mailbox (≤ 255 characters); English, as the operators' log reads. */
export function suspensionReason(hits: number, limitPerHour: number): string {
  return `Outbound spam: ${hits} messages scored as spam within an hour (limit ${limitPerHour})`;
}
