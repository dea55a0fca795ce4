import { describe, expect, it } from "vitest";
import { addLatency, bucketOf, emptyLatencyDay, judgeLatency, LATENCY_BUCKETS_MS, type LatencyDay } from "./latency";

const CONTRACT = { meanMs: 60_000, maxMs: 3_600_000 };
const dayOf = (...latencies: number[]): LatencyDay => latencies.reduce(addLatency, emptyLatencyDay());

describe("latency buckets and the daily roll-up", () => {
  it("buckets by inclusive upper bounds, with one more above the last", () => {
    expect(bucketOf(0)).toBe(0);
    expect(bucketOf(1000)).toBe(0);
    expect(bucketOf(1001)).toBe(1);
    expect(bucketOf(3_600_000)).toBe(LATENCY_BUCKETS_MS.length - 1);
    expect(bucketOf(3_600_001)).toBe(LATENCY_BUCKETS_MS.length);
  });

  it("adds a message without touching the day it was given", () => {
    const empty = emptyLatencyDay();
    const day = addLatency(addLatency(empty, 500), 3_600_001);
    expect(empty.messages).toBe(0);
    expect(day).toEqual({ messages: 2, sumMs: 3_600_501, maxMs: 3_600_001, overHour: 1, histogram: [1, 0, 0, 0, 0, 0, 0, 0, 1] });
  });

  it("a negative latency counts as 0; not a number is refused", () => {
    expect(addLatency(emptyLatencyDay(), -20).sumMs).toBe(0);
    expect(() => addLatency(emptyLatencyDay(), NaN)).toThrow(RangeError);
  });
});

describe("judgeLatency (mean ≤ 1 min, every message ≤ 1 h)", () => {
  it("a mean of exactly 60 s is met", () => {
    const f = judgeLatency([dayOf(30_000, 90_000), dayOf(60_000)], CONTRACT);
    expect(f.met).toBe(true);
    expect(f.messages).toBe(3);
    expect(f.meanMs).toBe(60_000);
  });

  it("a mean of 60.001 s is breached", () => {
    const f = judgeLatency([dayOf(60_001)], CONTRACT);
    expect(f.met).toBe(false);
    expect(f.steps).toContain("mean: 60001 ms / 1 = 60.001 s (allowed 60.000 s): breached");
  });

  it("one message of 3,600,001 ms breaches however good the mean", () => {
    const fast = Array.from({ length: 1000 }, () => 100);
    const f = judgeLatency([dayOf(...fast, 3_600_001)], CONTRACT);
    expect(f.met).toBe(false);
    expect(f.overLimit).toBe(1);
    expect(f.maxMs).toBe(3_600_001);
    expect(judgeLatency([dayOf(...fast, 3_600_000)], CONTRACT).met).toBe(true);
  });

  it("a limit between bounds: over-limit counts days whose slowest was over", () => {
    expect(judgeLatency([dayOf(100, 2000, 2500), dayOf(100)], { meanMs: 60_000, maxMs: 1500 }).overLimit).toBe(1);
  });

  it("no messages: no evidence", () => {
    expect(judgeLatency([], CONTRACT).met).toBeNull();
    expect(judgeLatency([emptyLatencyDay()], CONTRACT).met).toBeNull();
  });

  it("sums histograms across days", () => {
    expect(judgeLatency([dayOf(10), dayOf(10, 70_000)], CONTRACT).histogram).toEqual([2, 0, 0, 0, 0, 1, 0, 0, 0]);
  });

  it("refuses corrupt days", () => {
    expect(() => judgeLatency([{ ...dayOf(10), messages: -1 }], CONTRACT)).toThrow(/messages/);
  });
});
