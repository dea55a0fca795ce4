import { LATENCY_BUCKETS_MS, type LatencyDay } from "../rules/latency";

// The month's latency per tenant and direction, summed in SQL from the daily roll-ups: two rows
// per tenant instead of sixty (a page of 500 tenants would otherwise bring 30,000 rows through
// Prisma). The sum of days is one LatencyDay for the rules: mean, maximum and the histogram are
// the same; only "messages over a limit that is not a bucket bound" becomes one per month
// instead of one per day, and it is only ever compared with zero.

const BUCKETS = LATENCY_BUCKETS_MS.length + 1;

/** SELECT list summing each histogram slot (histogram is a JSON array of BUCKETS counts). */
export const HISTOGRAM_SUMS = Array.from({ length: BUCKETS }, (_, i) => `CAST(COALESCE(SUM(JSON_EXTRACT(histogram, '$[${i}]')), 0) AS UNSIGNED) AS h${i}`).join(", ");

export type LatencySumRow = { tenantId: string; direction: "outbound" | "inbound"; messages: bigint | number; sumMs: bigint | number | string; maxMs: number | null; overHour: bigint | number } & Record<`h${number}`, bigint | number>;

export function latencyOfRow(r: LatencySumRow): LatencyDay {
  return {
    messages: Number(r.messages),
    sumMs: Number(r.sumMs),
    maxMs: Number(r.maxMs ?? 0),
    overHour: Number(r.overHour),
    histogram: Array.from({ length: BUCKETS }, (_, i) => Number(r[`h${i}`] ?? 0)),
  };
}
