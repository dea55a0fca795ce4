import { assertCount, HOUR_MS } from "./constants";
import { msText } from "./format";

/**
 * Upper bounds (inclusive) of the latency histogram's buckets; one more bucket holds what is above
 * the last. 3,600,000 ms is a bound so "over an hour" (the contract's per-message limit) is exact.
 */
export const LATENCY_BUCKETS_MS = [1000, 5000, 15000, 30000, 60000, 300000, 900000, 3600000];

/** One tenant's day of one direction (LatencyRollup). */
export type LatencyDay = { messages: number; sumMs: number; maxMs: number; overHour: number; histogram: number[] };

export const emptyLatencyDay = (): LatencyDay => ({
  messages: 0,
  sumMs: 0,
  maxMs: 0,
  overHour: 0,
  histogram: new Array<number>(LATENCY_BUCKETS_MS.length + 1).fill(0),
});

export function bucketOf(ms: number): number {
  const i = LATENCY_BUCKETS_MS.findIndex((bound) => ms <= bound);
  return i === -1 ? LATENCY_BUCKETS_MS.length : i;
}

/**
 * The day with one more message, as a new object (the roll-up folds with reduce). A negative latency
 * (the delivery log's clocks disagreeing by a little) counts as 0: the message was still measured.
 */
export function addLatency(day: LatencyDay, ms: number): LatencyDay {
  if (!Number.isFinite(ms)) throw new RangeError(`latency must be a number of ms, got ${ms}`);
  const latency = Math.max(0, Math.round(ms));
  const histogram = [...day.histogram];
  const bucket = bucketOf(latency);
  histogram[bucket] = (histogram[bucket] ?? 0) + 1;
  return {
    messages: day.messages + 1,
    sumMs: day.sumMs + latency,
    maxMs: Math.max(day.maxMs, latency),
    overHour: day.overHour + (latency > HOUR_MS ? 1 : 0),
    histogram,
  };
}

export type LatencyFigure = {
  messages: number;
  /** Exact mean (not rounded), for the comparison's sake. */
  meanMs: number;
  maxMs: number;
  /** Messages above the per-message limit; a lower bound when the limit is not a bucket bound. */
  overLimit: number;
  met: boolean | null;
  histogram: number[];
  steps: string[];
};

// Over the per-message limit: exact from the histogram when the limit is a bucket bound (the
// contract's hour is), otherwise only "at least one" for each day whose slowest message was over.
function overLimitOf(day: LatencyDay, limitMs: number): number {
  const bound = LATENCY_BUCKETS_MS.indexOf(limitMs);
  if (bound !== -1) return day.histogram.slice(bound + 1).reduce((a, b) => a + b, 0);
  return day.maxMs > limitMs ? 1 : 0;
}

/**
 * The month's promise (seed 002 appendix B §4): monthly mean per message ≤ meanMs, and no message
 * above maxMs. Compared in integers (sum ≤ mean × messages), so 60,001 ms on average is a breach.
 * No messages: no evidence.
 */
export function judgeLatency(days: readonly LatencyDay[], limits: { meanMs: number; maxMs: number }): LatencyFigure {
  assertCount(limits.meanMs, "meanMs");
  assertCount(limits.maxMs, "maxMs");
  const histogram = new Array<number>(LATENCY_BUCKETS_MS.length + 1).fill(0);
  let messages = 0;
  let sumMs = 0;
  let maxMs = 0;
  let overLimit = 0;
  for (const day of days) {
    messages += assertCount(day.messages, "messages");
    sumMs += assertCount(day.sumMs, "sumMs");
    maxMs = Math.max(maxMs, day.maxMs);
    overLimit += overLimitOf(day, limits.maxMs);
    day.histogram.forEach((count, i) => (histogram[Math.min(i, histogram.length - 1)]! += count));
  }
  if (messages === 0) {
    return { messages, meanMs: 0, maxMs: 0, overLimit: 0, met: null, histogram, steps: ["messages: 0", "no evidence: no messages this month"] };
  }
  const meanMs = sumMs / messages;
  const meanOk = sumMs <= limits.meanMs * messages;
  const maxOk = maxMs <= limits.maxMs;
  const steps = [
    `messages: ${messages}`,
    `mean: ${sumMs} ms / ${messages} = ${msText(meanMs)} (allowed ${msText(limits.meanMs)}): ${meanOk ? "met" : "breached"}`,
    `slowest: ${msText(maxMs)} (allowed ${msText(limits.maxMs)}): ${maxOk ? "met" : "breached"}`,
    `messages over the limit: ${overLimit}`,
    meanOk && maxOk ? "met" : "breached",
  ];
  return { messages, meanMs, maxMs, overLimit, met: meanOk && maxOk, histogram, steps };
}
