import { dayOf, type Day } from "@/server/billing/rules/months";

export type HourCount = { hour: Date; success: boolean; count: number };
export type DayStat = { day: Day; successes: number; failures: number };

/** The `count` calendar days that end with `today`, oldest first (no time zone involved). */
export function daysEndingOn(today: Day, count: number): Day[] {
  const end = Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1, Number(today.slice(8, 10)));
  return Array.from({ length: count }, (_, i) => new Date(end - (count - 1 - i) * 86_400_000).toISOString().slice(0, 10));
}

/**
 * Hourly counts (UTC hours, as the database groups them) → one bar per local day of `zone` for
 * the `count` days ending today, days without sign-ins included as zeros. Hours are whole in
 * every zone the platform offers (whole-hour offsets), so an hour never straddles two days there.
 */
export function countsPerDay(hours: HourCount[], now: Date, zone: string, count: number): DayStat[] {
  const days = daysEndingOn(dayOf(now, zone), count);
  const byDay = new Map(days.map((day) => [day, { day, successes: 0, failures: 0 }]));
  for (const h of hours) {
    const stat = byDay.get(dayOf(h.hour, zone));
    if (!stat) continue;
    if (h.success) stat.successes += h.count;
    else stat.failures += h.count;
  }
  return days.map((d) => byDay.get(d)!);
}
