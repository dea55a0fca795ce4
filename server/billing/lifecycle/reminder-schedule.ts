// When to remind a tenant that its balance runs out (issue 4 item 9): 30, 7 and 1 days before
// the first unpaid day, each at most once per run-out day. A top-up moves the run-out day, so
// the series starts over for the new day.
export const REMINDER_THRESHOLDS = [30, 7, 1] as const;

/** The home banner shows from this many days before the run-out day. */
export const BANNER_FROM_DAYS = 30;

export type BannerLevel = "info" | "warning" | "danger";

/**
 * The reminder to send now, or null. The due one is the smallest threshold at or above the days
 * left: a tenant at 5 days gets the 7-day reminder, never a late 30-day one. Nothing is due
 * when that one, or a closer one, already went out for this run-out day.
 */
export function reminderDue(daysLeft: number | null, sent: readonly number[]): number | null {
  if (daysLeft === null || daysLeft <= 0 || daysLeft > REMINDER_THRESHOLDS[0]) return null;
  const due = Math.min(...REMINDER_THRESHOLDS.filter((t) => t >= daysLeft));
  return sent.some((s) => s <= due) ? null : due;
}

/**
 * How loud the home banner is: hidden beyond 30 days, danger from 7 days (the second e-mail)
 * and once the balance has run out, warning from 14, info before.
 */
export function bannerLevel(daysLeft: number | null): BannerLevel | null {
  if (daysLeft === null || daysLeft > BANNER_FROM_DAYS) return null;
  if (daysLeft <= 7) return "danger";
  return daysLeft <= 14 ? "warning" : "info";
}
