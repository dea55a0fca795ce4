import { describe, expect, it } from "vitest";
import {
  assertAllowedSeats,
  ceilAllowedSeats,
  checkSeats,
  floorAllowedSeats,
  isAllowedSeats,
  MAX_SEATS,
  nextAllowedSeats,
  previousAllowedSeats,
} from "./seat-tiers";

// The rule restated the slow way, to check the fast one against every count.
function allowedByTheSeed(n: number): boolean {
  if (!Number.isInteger(n) || n < 5 || n > MAX_SEATS) return false;
  if (n < 100) return n % 5 === 0;
  if (n <= 1050) return n % 10 === 0;
  return n % 50 === 0;
}

describe("seat tiers (seed 002 §3.1)", () => {
  it("allows exactly the seed's counts, for every count from -10 to the maximum + 100", () => {
    for (let n = -10; n <= MAX_SEATS + 100; n++) expect(isAllowedSeats(n), String(n)).toBe(allowedByTheSeed(n));
  });

  it.each([5, 10, 95, 100, 110, 1_000, 1_050, 1_100, 1_150, MAX_SEATS])("allows %d", (n) => expect(isAllowedSeats(n)).toBe(true));
  it.each([0, 4, 7, 99, 103, 105, 1_055, 1_060, 1_075, 5.5, -5, 1e9, Number.NaN])("refuses %d", (n) =>
    expect(isAllowedSeats(n)).toBe(false),
  );

  it("offers the nearest allowed counts around a refused one", () => {
    expect(checkSeats(103)).toMatchObject({ ok: false, below: 100, above: 110 });
    expect(checkSeats(1_060)).toMatchObject({ ok: false, below: 1_050, above: 1_100 });
    expect(checkSeats(97)).toMatchObject({ ok: false, below: 95, above: 100 });
    expect(checkSeats(1_051)).toMatchObject({ ok: false, below: 1_050, above: 1_100 });
    expect(checkSeats(12.5)).toMatchObject({ ok: false, below: 10, above: 15 });
    expect(checkSeats(3)).toMatchObject({ ok: false, below: null, above: 5 });
    expect(checkSeats(1e9)).toMatchObject({ ok: false, below: MAX_SEATS, above: null });
  });

  it("says which rule was broken and what to choose", () => {
    const check = checkSeats(103);
    expect(check.ok || check.message).toBe(
      "103 seats is not a count we sell: from 100 to 1,050 seats, counts go in steps of 10. Choose 100 or 110.",
    );
    const high = checkSeats(1_060);
    expect(high.ok || high.message).toMatch(/above 1,050 seats, counts go in steps of 50\. Choose 1,050 or 1,100\./);
    expect(checkSeats(0)).toMatchObject({ message: "The smallest order is 5 seats" });
    expect(checkSeats(-20)).toMatchObject({ message: "The smallest order is 5 seats" });
    expect(checkSeats(7.5)).toMatchObject({ message: expect.stringMatching(/^Seats must be a whole number.*Choose 5 or 10\.$/) });
  });

  it("floor and ceil land on allowed counts next to every count", () => {
    for (let n = 5; n <= 3_000; n++) {
      const lo = floorAllowedSeats(n)!;
      const hi = ceilAllowedSeats(n)!;
      expect(isAllowedSeats(lo) && isAllowedSeats(hi) && lo <= n && n <= hi, String(n)).toBe(true);
      for (let k = lo + 1; k < hi; k++) expect(isAllowedSeats(k), `${k} between ${lo} and ${hi}`).toBe(false);
    }
  });

  it("the picker steps through allowed counts only, both ways across the tier borders", () => {
    const up: number[] = [5];
    while (up.at(-1)! < 1_200) up.push(nextAllowedSeats(up.at(-1)!)!);
    expect(up.slice(17, 22)).toEqual([90, 95, 100, 110, 120]);
    expect(up.slice(up.indexOf(1_040), up.indexOf(1_040) + 4)).toEqual([1_040, 1_050, 1_100, 1_150]);
    expect(up.every(isAllowedSeats)).toBe(true);
    expect(previousAllowedSeats(100)).toBe(95);
    expect(previousAllowedSeats(1_100)).toBe(1_050);
    expect(previousAllowedSeats(5)).toBeNull();
    expect(nextAllowedSeats(MAX_SEATS)).toBeNull();
  });

  it("throws a field error for the form", () => {
    expect(() => assertAllowedSeats(103)).toThrow(/Choose 100 or 110/);
    try {
      assertAllowedSeats(1_060, "toSeats");
    } catch (e) {
      expect((e as { fieldErrors: Record<string, string[]> }).fieldErrors.toSeats?.[0]).toMatch(/1,050 or 1,100/);
    }
    expect(assertAllowedSeats(100)).toBe(100);
  });
});
