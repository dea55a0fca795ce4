import { describe, expect, it } from "vitest";
import { fenToYuanText, parseSignedYuanToFen } from "./signed-yuan";

describe("parseSignedYuanToFen", () => {
  it("reads credits and debits in yuan as signed fen", () => {
    expect(parseSignedYuanToFen("100")).toBe(10_000);
    expect(parseSignedYuanToFen("+1,000.5")).toBe(100_050);
    expect(parseSignedYuanToFen("-12.34")).toBe(-1_234);
    expect(parseSignedYuanToFen(" − 0.01 ")).toBe(-1);
  });

  it("refuses what is not an amount", () => {
    for (const text of ["", "-", "abc", "1.234", "--5", "1e3", "+-1"]) expect(parseSignedYuanToFen(text)).toBeNull();
  });
});

describe("fenToYuanText", () => {
  it("writes fen as yuan that parses back to the same fen", () => {
    for (const fen of [0, 1, 99, 100, 2_000_000, -5, -123_456, 10_000_000_000]) {
      expect(parseSignedYuanToFen(fenToYuanText(fen))).toBe(fen);
    }
    expect(fenToYuanText(2_000_000)).toBe("20000.00");
    expect(fenToYuanText(-5)).toBe("-0.05");
  });
});
