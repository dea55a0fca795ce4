import { describe, expect, it } from "vitest";
import { assertPositiveFen, formatFen, MAX_AMOUNT_FEN, toFen } from "./money";
import { DomainError } from "./errors";

describe("money", () => {
  it("turns database bigints into safe numbers and refuses unsafe ones", () => {
    expect(toFen(123456n)).toBe(123456);
    expect(toFen(-5)).toBe(-5);
    expect(() => toFen(2n ** 60n)).toThrow(/safe integer/);
  });

  it("formats fen as yuan with two decimals", () => {
    expect(formatFen(100000)).toBe("¥1,000.00");
    expect(formatFen(8337)).toBe("¥83.37");
    expect(formatFen(-5)).toBe("-¥0.05");
    expect(formatFen(100, "USD")).toBe("USD 1.00");
  });

  it.each([
    [0, /more than zero/],
    [-100, /more than zero/],
    [1.5, /whole number of fen/],
    [Number.NaN, /not a number/],
    [Number.POSITIVE_INFINITY, /not a number/],
    [MAX_AMOUNT_FEN + 1, /at most ¥100,000,000.00/],
  ])("refuses the amount %s", (amount, message) => {
    expect(() => assertPositiveFen(amount)).toThrow(message);
    try {
      assertPositiveFen(amount, "topUp");
    } catch (e) {
      expect((e as DomainError).fieldErrors?.topUp?.[0]).toMatch(message);
    }
  });

  it("accepts one fen up to the maximum", () => {
    expect(assertPositiveFen(1)).toBe(1);
    expect(assertPositiveFen(MAX_AMOUNT_FEN)).toBe(MAX_AMOUNT_FEN);
  });
});
