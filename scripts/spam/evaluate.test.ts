import { describe, expect, it } from "vitest";
import { caughtBy, pct, percentile, rates, rescore } from "./evaluate";

const t = { addHeaderScore: 5, quarantineScore: 8, rejectScore: 15 };

describe("evaluate", () => {
  it("counts quarantine and reject as caught, header and deliver as not", () => {
    expect([4.9, 5, 7.99, 8, 14.9, 15, 40].map((s) => caughtBy(s, t))).toEqual([false, false, false, true, true, true, true]);
  });

  it("splits rates by spam, easy ham and hard ham", () => {
    const r = rates(
      [
        { group: "spam-1", kind: "spam", score: 9 },
        { group: "spam-2", kind: "spam", score: 3 },
        { group: "easy-ham-1", kind: "ham", score: 8 },
        { group: "easy-ham-2", kind: "ham", score: -1 },
        { group: "hard-ham-1", kind: "ham", score: 20 },
      ],
      t,
    );
    expect(r).toEqual({ spam: { caught: 1, total: 2 }, easyHam: { flagged: 1, total: 2 }, hardHam: { flagged: 1, total: 1 } });
    expect(pct(1, 3)).toBe("33.33 %");
    expect(pct(0, 0)).toBe("n/a");
    expect(pct(2, 1950)).toBe("0.103 %");
  });

  it("takes nearest-rank percentiles", () => {
    const v = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(v, 50)).toBe(50);
    expect(percentile(v, 95)).toBe(95);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it("rescales chosen symbols' contributions", () => {
    const m = { score: 10, symbols: { BAYES_SPAM: 4, R_X: 1 } };
    expect(rescore(m, { BAYES_SPAM: 1.5 })).toBe(12);
    expect(rescore(m, { MISSING: 3 })).toBe(10);
  });
});
