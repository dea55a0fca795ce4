import { utcDay } from "@/server/sla/samples/clock-skew";
import { DAY_MS } from "../rules/constants";

// The evidence chain and the roll-ups work in UTC days ("2026-11-03"): a sample's day is the UTC
// date of its `at`, a message's the UTC date of its receivedAt. Pure helpers, no I/O.

export { utcDay };

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;

/** "2026-11-03" → that day's 00:00 UTC; null for anything that is not a real calendar day in that form. */
export function parseUtcDay(text: string): Date | null {
  const m = DAY_RE.exec(text);
  if (!m) return null;
  const at = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  // Date.UTC rolls 2026-02-30 over to March: a day that does not round-trip does not exist.
  return utcDay(at) === text ? at : null;
}

/** The instant a (valid) day begins. */
export function dayStart(day: string): Date {
  const at = parseUtcDay(day);
  if (!at) throw new RangeError(`not a UTC day: ${JSON.stringify(day)}`);
  return at;
}

export const addDays = (day: string, n: number): string => utcDay(new Date(dayStart(day).getTime() + n * DAY_MS));

/** The instant after the day's last (the next day's 00:00 UTC). */
export const dayEnd = (day: string): Date => dayStart(addDays(day, 1));

/** Days from `from` to `to`, both included; empty when `to` is before `from`. */
export function daysFromTo(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  return days;
}

/**
 * The latest day that may be sealed at `now`: one that ended at least `graceMinutes` ago, so
 * probe batches written a little late (SLA_SAMPLE_FLUSH_SECONDS, clock skew) are in it first.
 */
export function lastSealableDay(now: Date, graceMinutes: number): string {
  return addDays(utcDay(new Date(now.getTime() - graceMinutes * 60_000)), -1);
}

/** "2026-11" → its first and last day; null when it is not a month in that form. */
export function monthDays(month: string): { first: string; last: string } | null {
  const m = MONTH_RE.exec(month);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return null;
  const first = `${month}-01`;
  const last = utcDay(new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)));
  return { first, last };
}
