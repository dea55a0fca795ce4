import { describe, expect, it } from "vitest";
import { addLatency, emptyLatencyDay, LATENCY_BUCKETS_MS } from "@/server/sla/rules/latency";
import { AT_MOST_COLUMNS, atMostCountsSql, histogramFromAtMost, overHourSql } from "./latency-buckets-sql";

const latencies = [0, 1, 999, 1000, 1001, 5000, 5001, 14_999, 15_000, 30_000, 60_000, 60_001, 300_000, 900_000, 3_599_999, 3_600_000, 3_600_001, 86_400_000];

describe("the latency histogram in SQL", () => {
  it("gives the buckets the SLA rules' bucketOf gives, bounds inclusive, the overflow bucket last", () => {
    // What MariaDB's SUM(ms <= bound) returns for these latencies.
    const atMost = LATENCY_BUCKETS_MS.map((bound) => latencies.filter((ms) => ms <= bound).length);
    expect(histogramFromAtMost(latencies.length, atMost)).toEqual(latencies.reduce(addLatency, emptyLatencyDay()).histogram);
    expect(histogramFromAtMost(0, atMost.map(() => 0))).toEqual(new Array(LATENCY_BUCKETS_MS.length + 1).fill(0));
  });
  it("counts each bound once, in order, under the names the roll-up reads", () => {
    expect(atMostCountsSql("ms")).toBe(LATENCY_BUCKETS_MS.map((b, i) => `CAST(SUM(ms <= ${b}) AS UNSIGNED) AS ${AT_MOST_COLUMNS[i]}`).join(", "));
    expect(overHourSql("ms")).toBe("CAST(SUM(ms > 3600000) AS UNSIGNED)");
    expect(() => histogramFromAtMost(1, [1])).toThrow(/expected 8 counts/);
  });
});
