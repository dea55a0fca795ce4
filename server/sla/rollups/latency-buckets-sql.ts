import { HOUR_MS } from "@/server/sla/rules/constants";
import { LATENCY_BUCKETS_MS } from "@/server/sla/rules/latency";

// The latency histogram in SQL, written from server/sla/rules/latency.ts's bounds so the roll-up
// and bucketOf() can never disagree. MariaDB counts, per group, the messages at most each bound
// (plain comparisons: a third faster over a day of 1,000,000 lines than a CASE per line and a
// count per bucket); the buckets are the differences. Constants only, no input reaches the SQL.

/** `CAST(SUM(ms <= 1000) AS UNSIGNED) AS le0, …`: messages at most each bound. */
export function atMostCountsSql(ms: string): string {
  return LATENCY_BUCKETS_MS.map((bound, i) => `CAST(SUM(${ms} <= ${bound}) AS UNSIGNED) AS le${i}`).join(", ");
}

/** The column names atMostCountsSql gives, in bound order. */
export const AT_MOST_COLUMNS = LATENCY_BUCKETS_MS.map((_, i) => `le${i}`);

/**
 * Bucket i holds what is ≤ bound i and above bound i−1 (bucketOf's rule); the last bucket what
 * is above the last bound.
 */
export function histogramFromAtMost(messages: number, atMost: readonly number[]): number[] {
  if (atMost.length !== LATENCY_BUCKETS_MS.length) throw new RangeError(`expected ${LATENCY_BUCKETS_MS.length} counts, got ${atMost.length}`);
  return [...atMost, messages].map((n, i) => n - (i === 0 ? 0 : atMost[i - 1]!));
}

/** Messages above the contract's per-message hour (an hour exactly is within it). */
export const overHourSql = (ms: string) => `CAST(SUM(${ms} > ${HOUR_MS}) AS UNSIGNED)`;
