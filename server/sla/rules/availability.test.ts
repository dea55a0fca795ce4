import { describe, expect, it } from "vitest";
import { formatPpm, judgeMinutes } from "./availability";
import { percentText } from "./format";

const month = (failureMinutes: number) =>
  judgeMinutes({ failureSeconds: failureMinutes * 60, allowanceSec: 2640, targetPpm: 999_000, measuredMinutes: 44_640 });
const power = (failureSeconds: number) => judgeMinutes({ failureSeconds, allowanceSec: 264, targetPpm: 999_900, measuredMinutes: 10 });

describe("judgeMinutes (the contract's minutes govern)", () => {
  it("44 failure minutes: 99.898 %, shown as 99.9 %, met", () => {
    const f = month(44);
    expect(f.ratioPpm).toBe(998_981);
    expect(formatPpm(f.ratioPpm, 1)).toBe("99.9");
    expect(formatPpm(f.ratioPpm, 3)).toBe("99.898");
    expect(f.met).toBe(true);
    expect(f.failureMinutes).toBe(44);
    expect(f.steps).toContain("1 − 44 / 43200 = 99.8981 %");
    expect(f.steps).toContain("allowed: 44 min (99.9 %)");
  });

  it("45 failure minutes: breached, with the computation in the steps", () => {
    const f = month(45);
    expect(f.met).toBe(false);
    expect(f.ratioPpm).toBe(998_958);
    expect(f.steps).toEqual([
      "measured minutes: 44640",
      "failure minutes: 45",
      "1 − 45 / 43200 = 99.8958 %",
      "allowed: 44 min (99.9 %)",
      "breached: 45 min > 44 min",
    ]);
  });

  it("power: 264 s (4.4 minutes) met, 265 s breached", () => {
    expect(power(264).met).toBe(true);
    expect(power(264).failureMinutes).toBeCloseTo(4.4);
    expect(power(264).steps).toContain("allowed: 264 s (4.4 min) (99.99 %)");
    expect(power(265).met).toBe(false);
  });

  it("no samples: no evidence, never 100 %; a recorded failure is evidence even without samples", () => {
    const none = judgeMinutes({ failureSeconds: 0, allowanceSec: 2640, targetPpm: 999_000, measuredMinutes: 0 });
    expect(none.met).toBeNull();
    expect(none.steps.at(-1)).toBe("no evidence: no samples this month");
    expect(judgeMinutes({ failureSeconds: 600, allowanceSec: 264, targetPpm: 999_900, measuredMinutes: 0 }).met).toBe(false);
    expect(month(0).met).toBe(true);
    expect(month(0).ratioPpm).toBe(1_000_000);
  });

  it("a month of 31 days down bottoms out at 0 %", () => {
    expect(month(44_640).ratioPpm).toBe(0);
  });

  it("refuses negative or fractional counts", () => {
    expect(() => judgeMinutes({ failureSeconds: -1, allowanceSec: 2640, targetPpm: 999_000, measuredMinutes: 1 })).toThrow(/failureSeconds/);
    expect(() => judgeMinutes({ failureSeconds: 1.5, allowanceSec: 2640, targetPpm: 999_000, measuredMinutes: 1 })).toThrow(RangeError);
    expect(() => judgeMinutes({ failureSeconds: 0, allowanceSec: 2640, targetPpm: 999_000, measuredMinutes: NaN })).toThrow(/measuredMinutes/);
  });
});

describe("coverage in the steps", () => {
  const judge = (measuredMinutes: number) => judgeMinutes({ failureSeconds: 0, allowanceSec: 2_640, targetPpm: 999_000, measuredMinutes, monthMinutes: 44_640 });

  it("says how much of the month was measured", () => {
    expect(judge(44_640).steps[0]).toBe("measured minutes: 44640 of 44640 (100.00 %)");
    expect(judge(44_640).steps[1]).toMatch(/^failure minutes/);
  });

  it("warns below 99 %: unmeasured minutes are neither failures nor uptime", () => {
    const { steps, met } = judge(44_000);
    expect(steps.slice(0, 2)).toEqual(["measured minutes: 44000 of 44640 (98.57 %)", "warning: 640 minutes were not measured; they count neither as failures nor as uptime"]);
    expect(met).toBe(true);
  });
});

describe("formatPpm / percentText", () => {
  it("rounds half up to the digits asked", () => {
    expect(formatPpm(999_950, 1)).toBe("100.0");
    expect(formatPpm(999_949, 2)).toBe("99.99");
    expect(formatPpm(960_000, 0)).toBe("96");
    expect(formatPpm(100, 2)).toBe("0.01");
    expect(formatPpm(-5, 4)).toBe("-0.0005");
    expect(() => formatPpm(1.5, 2)).toThrow(RangeError);
  });

  it("writes targets as the contract does", () => {
    expect(percentText(999_000)).toBe("99.9 %");
    expect(percentText(960_000)).toBe("96 %");
    expect(percentText(100)).toBe("0.01 %");
    expect(percentText(0)).toBe("0 %");
  });
});
