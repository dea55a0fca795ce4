// Billing months are calendar months (自然月) in the tenant's time zone, written 'YYYY-MM'
// (architecture convention 4). Strings compare in calendar order, so `a < b` works.
export type Month = string;
/** A calendar day 'YYYY-MM-DD' in some time zone. */
export type Day = string;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(value: string): boolean {
  const m = MONTH.exec(value);
  return m !== null && Number(m[1]) >= 2000 && Number(m[1]) <= 2200;
}

function parts(month: Month): [number, number] {
  if (!isMonth(month)) throw new Error(`not a month: ${month}`);
  return [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

export function addMonths(month: Month, count: number): Month {
  const [y, m] = parts(month);
  const index = y * 12 + (m - 1) + count;
  return `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1)}`;
}

/** Months from `a` to `b` (positive when b is later). */
export function monthsBetween(a: Month, b: Month): number {
  const [ya, ma] = parts(a);
  const [yb, mb] = parts(b);
  return (yb - ya) * 12 + (mb - ma);
}

export const monthNumber = (month: Month): number => parts(month)[1];
export const maxMonth = (...months: Month[]): Month => months.reduce((a, b) => (b > a ? b : a));

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function wallClock(instant: Date, tz: string) {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: tz,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(tz, f);
  }
  const found = f.formatToParts(instant);
  const get = (type: string) => Number(found.find((p) => p.type === type)!.value);
  return { y: get("year"), m: get("month"), d: get("day"), h: get("hour"), min: get("minute"), s: get("second") };
}

/** The calendar month an instant falls in, in a time zone. */
export function monthOf(instant: Date, tz: string): Month {
  const w = wallClock(instant, tz);
  return `${pad(w.y, 4)}-${pad(w.m)}`;
}

/** The calendar day an instant falls in, in a time zone. */
export function dayOf(instant: Date, tz: string): Day {
  const w = wallClock(instant, tz);
  return `${pad(w.y, 4)}-${pad(w.m)}-${pad(w.d)}`;
}

/** The zone's offset from UTC at an instant, in milliseconds (Shanghai: +8 h). */
function offsetAt(instant: Date, tz: string): number {
  const w = wallClock(instant, tz);
  const asUtc = Date.UTC(w.y, w.m - 1, w.d, w.h, w.min, w.s);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The instant a month begins (00:00 on the 1st) in a time zone. */
export function monthStart(month: Month, tz: string): Date {
  const [y, m] = parts(month);
  const wall = Date.UTC(y, m - 1, 1);
  // Two passes settle the offset even when the 1st is a DST change day.
  let guess = wall - offsetAt(new Date(wall), tz);
  guess = wall - offsetAt(new Date(guess), tz);
  return new Date(guess);
}

export const firstDayOf = (month: Month): Day => `${month}-01`;

export function lastDayOf(month: Month): Day {
  const [y, m] = parts(month);
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${pad(days)}`;
}

/** Whole days from `a` to `b` (calendar days, no time zone involved). */
export function daysBetween(a: Day, b: Day): number {
  const at = (d: Day) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
  return Math.round((at(b) - at(a)) / 86_400_000);
}
