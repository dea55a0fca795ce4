import { describe, expect, it } from "vitest";
import { measureSkew, onDatabaseClock, skewToApply, utcDay } from "./clock-skew";

describe("clock skew", () => {
  it("accounts half the round trip", () => {
    // Sent at 10,000 on the host, answered after 40 ms, the database said 10,020: no skew.
    expect(measureSkew(10_000, 40, 10_020)).toBe(0);
    // A host 5 s ahead.
    expect(measureSkew(15_000, 40, 10_020)).toBe(5_000);
    expect(measureSkew(5_000, 40, 10_020)).toBe(-5_000);
  });

  it("ignores skew within the tolerance and applies it beyond", () => {
    expect(skewToApply(2_000, 2_000)).toBe(0);
    expect(skewToApply(-2_000, 2_000)).toBe(0);
    expect(skewToApply(2_001, 2_000)).toBe(2_001);
    expect(skewToApply(-7_000, 2_000)).toBe(-7_000);
  });

  it("moves a host time onto the database clock and names its UTC day", () => {
    const at = new Date("2026-11-28T00:00:03.000Z");
    expect(onDatabaseClock(at, 5_000).toISOString()).toBe("2026-11-27T23:59:58.000Z");
    expect(utcDay(onDatabaseClock(at, 5_000))).toBe("2026-11-27");
    expect(utcDay(onDatabaseClock(at, -5_000))).toBe("2026-11-28");
  });
});
