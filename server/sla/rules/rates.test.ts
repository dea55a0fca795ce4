import { describe, expect, it } from "vitest";
import { judgeRates, type LabelledResult } from "./rates";

const TARGETS = { spamCaughtPpm: 960_000, falsePositivePpm: 100, virusFoundPpm: 999_000, virusRemovedPpm: 995_000 };
const many = (count: number, label: LabelledResult["label"], verdict: LabelledResult["verdict"]): LabelledResult[] =>
  Array.from({ length: count }, () => ({ label, verdict }));

describe("judgeRates", () => {
  it("spam caught: 96 % exactly is met, 95.99 % is not; tags, quarantine and rejects all count", () => {
    const met = judgeRates([...many(90, "spam", "rejected"), ...many(3, "spam", "quarantined"), ...many(3, "spam", "header"), ...many(4, "spam", "delivered")], TARGETS);
    expect(met.spamCaught).toMatchObject({ numerator: 96, denominator: 100, ppm: 960_000, met: true });
    const missed = judgeRates([...many(9599, "spam", "rejected"), ...many(401, "spam", "delivered")], TARGETS);
    expect(missed.spamCaught.met).toBe(false);
  });

  it("deferred and error samples are evidence neither way, and are counted in the steps", () => {
    const f = judgeRates([...many(24, "spam", "rejected"), ...many(1, "spam", "delivered"), ...many(5, "spam", "error"), ...many(2, "spam", "deferred")], TARGETS).spamCaught;
    expect(f).toMatchObject({ numerator: 24, denominator: 25, ppm: 960_000, met: true });
    expect(f.steps[0]).toBe("spam samples: 32, without a verdict (deferred or error, not counted): 7");
  });

  it("false positives: 0.01 % exactly is met; a header on ham is a false positive", () => {
    expect(judgeRates([...many(9999, "ham", "delivered"), ...many(1, "ham", "header")], TARGETS).falsePositive).toMatchObject({
      numerator: 1,
      denominator: 10_000,
      ppm: 100,
      met: true,
    });
    const over = judgeRates([...many(9998, "ham", "delivered"), ...many(1, "ham", "quarantined"), ...many(1, "ham", "rejected")], TARGETS);
    expect(over.falsePositive.met).toBe(false);
    // Rounded up for display, so a breach never reads as the target.
    expect(judgeRates([...many(10_000, "ham", "delivered"), ...many(1, "ham", "rejected")], TARGETS).falsePositive).toMatchObject({ ppm: 100, met: true });
    expect(judgeRates([...many(9_998, "ham", "delivered"), ...many(1, "ham", "rejected")], TARGETS).falsePositive).toMatchObject({ ppm: 101, met: false });
  });

  it("viruses: a tag is found but not removed; delivered is neither", () => {
    const r = judgeRates([...many(997, "virus", "rejected"), ...many(2, "virus", "header"), ...many(1, "virus", "delivered")], TARGETS);
    expect(r.virusFound).toMatchObject({ numerator: 999, denominator: 1000, met: true });
    expect(r.virusRemoved).toMatchObject({ numerator: 997, denominator: 1000, ppm: 997_000, met: true });
    const leaky = judgeRates([...many(994, "virus", "quarantined"), ...many(6, "virus", "header")], TARGETS);
    expect(leaky.virusFound.met).toBe(true);
    expect(leaky.virusRemoved.met).toBe(false);
  });

  it("no judged samples: no evidence", () => {
    const r = judgeRates(many(3, "spam", "error"), TARGETS);
    expect(r.spamCaught.met).toBeNull();
    expect(r.falsePositive.met).toBeNull();
    expect(r.virusFound.met).toBeNull();
    expect(r.virusRemoved.met).toBeNull();
  });

  it("refuses a broken target", () => {
    expect(() => judgeRates([], { ...TARGETS, spamCaughtPpm: -1 })).toThrow(/spam caught target/);
  });
});
