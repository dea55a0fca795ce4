import { describe, expect, it } from "vitest";
import { DomainError } from "@/server/shared/errors";
import { assertDiscountBps, overrideOf, wholesaleOf, wholesalePricePerSeatYear } from "./wholesale-price";

describe("wholesalePricePerSeatYear", () => {
  it.each([
    // list (fen), discount bps, expected
    [20_000, 0, 20_000],
    [20_000, 1500, 17_000], // the seed plan at 15 % off: ¥170.00
    [20_000, 10_000, 0],
    [33_333, 1500, 28_333], // 28 333.05 → 28 333
    [10_001, 5000, 5001], // 5000.5 → half up → 5001
    [9_999, 2500, 7499], // 7499.25 → 7499
    [1, 5000, 1], // 0.5 → 1
    [0, 1500, 0],
  ])("list %i at %i bps → %i", (list, bps, expected) => {
    expect(wholesalePricePerSeatYear(list, bps)).toBe(expected);
  });

  it("uses the per-plan price when set, whatever the discount", () => {
    expect(wholesalePricePerSeatYear(20_000, 1500, 16_000)).toBe(16_000);
    expect(wholesalePricePerSeatYear(20_000, 1500, 20_000)).toBe(20_000);
    expect(wholesalePricePerSeatYear(20_000, 1500, 0)).toBe(0);
    expect(wholesalePricePerSeatYear(20_000, 1500, null)).toBe(17_000);
  });

  it("refuses a per-plan price above the list price (a negative margin)", () => {
    expect(() => wholesalePricePerSeatYear(20_000, 0, 20_001)).toThrow(/above the list price/);
    try {
      wholesalePricePerSeatYear(20_000, 0, 25_000);
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe("BAD_INPUT");
      expect((e as DomainError).messageIn("zh-CN")).toMatch(/高于标价/);
    }
  });

  it.each([-1, 10_001, 15.5, Number.NaN])("refuses a discount of %s bps", (bps) => {
    expect(() => wholesalePricePerSeatYear(20_000, bps)).toThrow(/between 0 % and 100 %/);
    expect(() => assertDiscountBps(bps)).toThrow(DomainError);
  });
});

describe("wholesaleOf", () => {
  it.each([
    // client amount, list, wholesale, expected
    [2_000_000, 20_000, 17_000, 1_700_000], // 100 seats × ¥200 at 15 % off
    [166_700, 20_000, 17_000, 141_695], // a top-up of one month's fee (166 695 exactly)
    [100, 30_000, 10_000, 33], // 33.33 → 33
    [5, 20_000, 10_000, 3], // 2.5 → half up → 3
    [0, 20_000, 17_000, 0],
    [123_456, 20_000, 20_000, 123_456], // no discount: all of it
    [123_456, 0, 0, 0], // a free plan
  ])("%i at %i list / %i wholesale → %i", (amount, list, wholesale, expected) => {
    expect(wholesaleOf(amount, list, wholesale)).toBe(expected);
  });
});

describe("overrideOf", () => {
  it("is the gap between the child's and the parent's wholesale, never negative", () => {
    expect(overrideOf(1_700_000, 1_600_000)).toBe(100_000);
    expect(overrideOf(1_600_000, 1_700_000)).toBe(0);
    expect(overrideOf(1_000, 1_000)).toBe(0);
  });
});
