import { describe, expect, it } from "vitest";
import { boundText, latencyBuckets, minutesPerDay, outageMinutes, readEvidence, readFigures } from "./sla-figures";

describe("readFigures", () => {
  it("reads a close's figures and treats anything missing as empty", () => {
    expect(readFigures(null)).toEqual({ promises: {}, breached: [], interruptions: [], exclusions: [], activeMailboxes: 0, targets: {} });
    const f = readFigures({ promises: { availability: { failureSeconds: 3000 } }, breached: ["availability"], interruptions: [{ from: "a", to: "b", minutes: 1 }], activeMailboxes: 3 });
    expect(f.breached).toEqual(["availability"]);
    expect(f.activeMailboxes).toBe(3);
    expect(readEvidence({ figure: { meanMs: 1 } })).toMatchObject({ runs: [], failingSamples: [], failingSamplesTotal: 0 });
  });
});

describe("minutesPerDay", () => {
  it("counts each failure minute on its day in the zone, and only the month's", () => {
    // 2026-10-12 14:00 in Shanghai is 06:00 UTC; 23:50–00:10 Shanghai spans two days.
    const runs = [
      { from: "2026-10-12T06:00:00.000Z", to: "2026-10-12T06:50:00.000Z", minutes: 50 },
      { from: "2026-10-20T15:50:00.000Z", to: "2026-10-20T16:10:00.000Z", minutes: 20 },
      { from: "2026-10-31T16:00:00.000Z", to: "2026-10-31T16:05:00.000Z", minutes: 5 }, // 1 November in Shanghai
    ];
    const days = minutesPerDay(runs, "2026-10", "Asia/Shanghai");
    expect(days).toHaveLength(31);
    expect(days[11]).toEqual({ day: 12, minutes: 50 });
    expect(days[19]!.minutes).toBe(10);
    expect(days[20]!.minutes).toBe(10);
    expect(days.reduce((a, d) => a + d.minutes, 0)).toBe(70);
  });
});

describe("outageMinutes", () => {
  it("draws the run with padding, failed minutes marked", () => {
    const run = { from: "2026-10-12T06:00:00.000Z", to: "2026-10-12T06:03:00.000Z", minutes: 3 };
    const points = outageMinutes(run, [run], 2);
    expect(points.map((p) => p.failed)).toEqual([0, 0, 1, 1, 1, 0, 0]);
    expect(points.every((p) => p.failed + p.up === 1)).toBe(true);
  });

  it("caps a long outage's chart", () => {
    const run = { from: "2026-10-12T00:00:00.000Z", to: "2026-10-13T00:00:00.000Z", minutes: 1440 };
    expect(outageMinutes(run, [run])).toHaveLength(240);
  });
});

describe("latency buckets", () => {
  it("labels bounds and keeps the overflow bucket", () => {
    expect([1000, 60_000, 900_000, 3_600_000].map(boundText)).toEqual(["1 s", "1 min", "15 min", "1 h"]);
    const b = latencyBuckets([5, 1, 0, 0, 0, 0, 0, 0, 2], []);
    expect(b).toHaveLength(9);
    expect(b[8]).toEqual({ bound: 3_600_000, over: true, send: 2, receive: 0 });
  });
});
