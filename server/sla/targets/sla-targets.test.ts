import { describe, expect, it } from "vitest";
import { CONTRACT_TARGETS } from "./sla-targets";

describe("the contract's targets (seed 002 appendix B)", () => {
  it("hold the seed's figures", () => {
    expect(CONTRACT_TARGETS).toMatchObject({
      availabilityPpm: 999_000,
      availabilityAllowanceSec: 2_640, // 44 minutes a month
      connectivityAllowanceSec: 2_640,
      powerPpm: 999_900,
      powerAllowanceSec: 264, // 4.4 minutes
      sendMeanMs: 60_000,
      sendMaxMs: 3_600_000,
      receiveMeanMs: 60_000,
      receiveMaxMs: 3_600_000,
      spamCaughtPpm: 960_000,
      falsePositivePpm: 100, // 0.01 %
      virusFoundPpm: 999_000,
      virusRemovedPpm: 995_000,
    });
  });
});
