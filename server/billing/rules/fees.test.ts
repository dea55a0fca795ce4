import { describe, expect, it } from "vitest";
import { monthlyFee, prepaymentFor, yearlyFee } from "./fees";
import { addMonths } from "./months";

describe("fees (seed 002 §3.1 catalogue: 200 CNY per seat-year)", () => {
  const price = 20_000; // fen per seat-year

  it("matches the catalogue's yearly prices", () => {
    expect(yearlyFee(5, price)).toBe(100_000); // 5用户版 1000
    expect(yearlyFee(10, price)).toBe(200_000); // 10用户版 2000
    expect(yearlyFee(50, price)).toBe(1_000_000); // 50用户版 10000
  });

  it("charges a twelfth a month and the remainder in December", () => {
    // 5 seats: 100,000 fen a year = 12 × 8,333 + 4.
    expect(monthlyFee(5, price, "2027-01")).toBe(8_333);
    expect(monthlyFee(5, price, "2027-11")).toBe(8_333);
    expect(monthlyFee(5, price, "2026-12")).toBe(8_337);
    // 50 seats: 1,000,000 a year = 12 × 83,333 + 4.
    expect(monthlyFee(50, price, "2027-06")).toBe(83_333);
    expect(monthlyFee(50, price, "2027-12")).toBe(83_337);
    // 60 seats: 1,200,000 divides evenly.
    expect(monthlyFee(60, price, "2027-12")).toBe(100_000);
  });

  it("any twelve consecutive months add up exactly to the yearly fee", () => {
    for (const [seats, p] of [
      [5, 20_000],
      [7, 1],
      [103, 36_000],
      [1_100, 19_999],
      [100_000, 99_999_999],
    ] as const) {
      for (let start = 0; start < 12; start++) {
        let sum = 0;
        for (let i = 0; i < 12; i++) sum += monthlyFee(seats, p, addMonths("2026-01", start + i));
        expect(sum, `${seats} × ${p} from month ${start + 1}`).toBe(yearlyFee(seats, p));
      }
    }
  });

  it("prepays whole years", () => {
    expect(prepaymentFor(100, price, 1)).toBe(2_000_000);
    expect(prepaymentFor(100, price, 3)).toBe(6_000_000);
  });

  it("refuses a fee that would not be exact", () => {
    expect(() => yearlyFee(2 ** 40, 2 ** 20)).toThrow(/overflows/);
  });
});
