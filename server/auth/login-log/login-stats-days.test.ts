import { describe, expect, it } from "vitest";
import { countsPerDay, daysEndingOn } from "./login-stats-days";

describe("daysEndingOn", () => {
  it("lists calendar days oldest first, across month and year ends", () => {
    expect(daysEndingOn("2026-03-01", 3)).toEqual(["2026-02-27", "2026-02-28", "2026-03-01"]);
    expect(daysEndingOn("2027-01-01", 2)).toEqual(["2026-12-31", "2027-01-01"]);
    expect(daysEndingOn("2026-11-27", 30)).toHaveLength(30);
    expect(daysEndingOn("2026-11-27", 30)[0]).toBe("2026-10-29");
  });
});

describe("countsPerDay", () => {
  const now = new Date("2026-11-27T03:00:00Z"); // 11:00 in Shanghai
  const hour = (iso: string, success: boolean, count: number) => ({ hour: new Date(iso), success, count });

  it("buckets UTC hours into the zone's days, with zeros for quiet days", () => {
    const stats = countsPerDay(
      [
        hour("2026-11-26T15:00:00Z", true, 2), // 23:00 on the 26th in Shanghai
        hour("2026-11-26T16:00:00Z", true, 3), // 00:00 on the 27th
        hour("2026-11-26T16:00:00Z", false, 4),
        hour("2026-11-27T02:00:00Z", false, 1),
        hour("2026-09-01T00:00:00Z", true, 99), // outside the 30 days
      ],
      now,
      "Asia/Shanghai",
      30,
    );
    expect(stats).toHaveLength(30);
    expect(stats.at(-1)).toEqual({ day: "2026-11-27", successes: 3, failures: 5 });
    expect(stats.at(-2)).toEqual({ day: "2026-11-26", successes: 2, failures: 0 });
    expect(stats[0]).toEqual({ day: "2026-10-29", successes: 0, failures: 0 });
  });

  it("follows the zone: the same hour is another day in UTC", () => {
    const stats = countsPerDay([hour("2026-11-26T16:00:00Z", true, 3)], now, "UTC", 2);
    expect(stats).toEqual([
      { day: "2026-11-26", successes: 3, failures: 0 },
      { day: "2026-11-27", successes: 0, failures: 0 },
    ]);
  });
});
