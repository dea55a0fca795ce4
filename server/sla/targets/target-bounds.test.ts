import { describe, expect, it } from "vitest";
import { CONTRACT_TARGETS } from "./sla-targets";
import { targetProblems } from "./target-bounds";

const problems = (more: Partial<typeof CONTRACT_TARGETS>) => targetProblems({ ...CONTRACT_TARGETS, ...more });

describe("targetProblems", () => {
  it("accepts the contract's figures and every bound itself", () => {
    expect(targetProblems(CONTRACT_TARGETS)).toEqual({});
    expect(problems({ availabilityPpm: 0, falsePositivePpm: 1_000_000, powerAllowanceSec: 0, availabilityAllowanceSec: 43_200 })).toEqual({});
    expect(problems({ sendMeanMs: 1_000, sendMaxMs: 86_400_000, receiveMeanMs: 1_000, receiveMaxMs: 1_000 })).toEqual({});
  });

  it("refuses a value just outside each range, naming the promise and the range", () => {
    expect(problems({ availabilityPpm: 1_000_001 }).availabilityPpm?.[0]).toEqual({
      en: "Availability must be a whole number from 0 to 1000000 ppm",
      "zh-CN": "可用性须为 0 到 1000000 ppm之间的整数",
    });
    expect(problems({ spamCaughtPpm: -1 }).spamCaughtPpm?.[0]?.en).toBe("Spam filtered must be a whole number from 0 to 1000000 ppm");
    expect(problems({ powerAllowanceSec: 43_201 }).powerAllowanceSec?.[0]?.en).toBe("Power allowance must be a whole number from 0 to 43200 seconds");
    expect(problems({ receiveMeanMs: 999 }).receiveMeanMs?.[0]?.en).toBe("Mean receive latency must be a whole number from 1000 to 86400000 ms");
    expect(problems({ sendMaxMs: 86_400_001 }).sendMaxMs?.[0]?.en).toBe("Maximum send latency must be a whole number from 1000 to 86400000 ms");
  });

  it("refuses fractions, NaN and infinities", () => {
    for (const bad of [0.5, Number.NaN, Number.POSITIVE_INFINITY]) expect(Object.keys(problems({ virusFoundPpm: bad }))).toEqual(["virusFoundPpm"]);
  });

  it("refuses a mean above the maximum, but not a mean equal to it", () => {
    expect(problems({ sendMeanMs: 3_600_001 }).sendMeanMs?.[0]?.en).toBe("Mean send latency cannot exceed the maximum send latency (3600000 ms)");
    expect(problems({ receiveMeanMs: 120_000, receiveMaxMs: 60_000 }).receiveMeanMs).toHaveLength(1);
    expect(problems({ receiveMeanMs: 60_000, receiveMaxMs: 60_000 })).toEqual({});
  });

  it("lists every field with a problem at once", () => {
    expect(Object.keys(problems({ availabilityPpm: -1, connectivityAllowanceSec: 1e9, sendMeanMs: 0 })).sort()).toEqual(["availabilityPpm", "connectivityAllowanceSec", "sendMeanMs"]);
  });
});
