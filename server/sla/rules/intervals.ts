import { addMonths, monthStart, type Month } from "@/server/billing/rules/months";
import { MINUTE_MS } from "./constants";

/** Half-open [start, end) in epoch milliseconds. */
export type Interval = { start: number; end: number };

/** A tenant's SLA month: the calendar month in its time zone, as billing's months are. */
export function monthBounds(month: Month, tz: string): Interval {
  return { start: monthStart(month, tz).getTime(), end: monthStart(addMonths(month, 1), tz).getTime() };
}

/** Sorted, non-overlapping; empty intervals dropped; touching ones joined (overlaps count once). */
export function mergeIntervals(list: readonly Interval[]): Interval[] {
  const sorted = list.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const i of sorted) {
    const last = merged[merged.length - 1];
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else merged.push({ start: i.start, end: i.end });
  }
  return merged;
}

export function clipIntervals(list: readonly Interval[], bounds: Interval): Interval[] {
  return mergeIntervals(list.map((i) => ({ start: Math.max(i.start, bounds.start), end: Math.min(i.end, bounds.end) })));
}

export const totalMs = (list: readonly Interval[]): number => mergeIntervals(list).reduce((sum, i) => sum + i.end - i.start, 0);

// A minute belongs to an interval when all of it does: an exclusion from 10:00:30 to 10:30:30
// spares minutes 10:00 and 10:30 (a failure seen then still counts), so exclusions never round in
// the platform's favour. "Touched" (power seconds joining the union of failure minutes) is the
// opposite: every minute with any part inside.
function minuteRange(i: Interval, bounds: Interval, touched: boolean): [number, number] {
  const start = Math.max(i.start, bounds.start);
  const end = Math.min(i.end, bounds.end);
  return touched ? [Math.floor(start / MINUTE_MS), Math.ceil(end / MINUTE_MS) - 1] : [Math.ceil(start / MINUTE_MS), Math.floor(end / MINUTE_MS) - 1];
}

function collect(list: readonly Interval[], bounds: Interval, touched: boolean): number[] {
  const minutes: number[] = [];
  let next = -Infinity;
  for (const i of mergeIntervals(list)) {
    const [first, last] = minuteRange(i, bounds, touched);
    for (let m = Math.max(first, next); m <= last; m++) minutes.push(m);
    next = Math.max(next, last + 1);
  }
  return minutes;
}

/** Sorted unique minutes lying wholly inside one of the (merged) intervals and inside bounds. */
export const minutesOfIntervals = (list: readonly Interval[], bounds: Interval): number[] => collect(list, bounds, false);

/** Every minute an interval touches, inside bounds: how seconds (power) join a union of minutes. */
export const touchedMinutes = (list: readonly Interval[], bounds: Interval): number[] => collect(list, bounds, true);

/** Whether [from, to) lies wholly inside one interval of a merged (sorted, disjoint) list: binary search. */
function insideMerged(merged: readonly Interval[], from: number, to: number): boolean {
  let lo = 0;
  let hi = merged.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const i = merged[mid]!;
    if (from < i.start) hi = mid - 1;
    else if (from >= i.end) lo = mid + 1;
    else return to <= i.end;
  }
  return false;
}

/** The minutes not wholly inside an excluded interval (merged first: back-to-back exclusions join). */
export function subtractMinutes(minutes: readonly number[], excluded: readonly Interval[]): number[] {
  const merged = mergeIntervals(excluded);
  return minutes.filter((m) => !insideMerged(merged, m * MINUTE_MS, (m + 1) * MINUTE_MS));
}

/** The parts of `list` outside `excluded` (power time during announced maintenance does not count). */
export function subtractIntervals(list: readonly Interval[], excluded: readonly Interval[]): Interval[] {
  const cuts = mergeIntervals(excluded);
  const out: Interval[] = [];
  for (const i of mergeIntervals(list)) {
    let start = i.start;
    for (const c of cuts) {
      if (c.end <= start || c.start >= i.end) continue;
      if (c.start > start) out.push({ start, end: c.start });
      start = Math.max(start, c.end);
    }
    if (start < i.end) out.push({ start, end: i.end });
  }
  return out;
}

/** Sorted unique union of minute lists: one outage seen by several promises counts each minute once. */
export function unionMinutes(...lists: (readonly number[])[]): number[] {
  return [...new Set(lists.flat())].sort((a, b) => a - b);
}
