import type { Dayjs } from "dayjs";

/** A RangePicker's value: whole days in the browser's zone, either end may be open. */
export type DayRange = [Dayjs | null, Dayjs | null] | null;

/** Picked days → the instants that start the first and end the last; an open end stays unset. */
export function dayRangeBounds(range: DayRange | undefined): { from?: string; to?: string } {
  const [start, end] = range ?? [];
  return { from: start ? start.startOf("day").toISOString() : undefined, to: end ? end.endOf("day").toISOString() : undefined };
}

/** The filters that are set: unset ones are left out rather than sent as undefined. */
export function definedOnly<T extends object>(filters: T): T {
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as T;
}
