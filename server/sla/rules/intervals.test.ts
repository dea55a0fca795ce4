import { describe, expect, it } from "vitest";
import { mergeIntervals, minutesOfIntervals, monthBounds, subtractIntervals, subtractMinutes, touchedMinutes, unionMinutes } from "./intervals";
import { at, minute, minutesFrom, MONTH } from "./sla-rules-test-helpers";

describe("intervals", () => {
  it("a month is the calendar month in the tenant's zone", () => {
    const b = monthBounds("2027-03", "Asia/Shanghai");
    expect(new Date(b.start).toISOString()).toBe("2027-02-28T16:00:00.000Z");
    expect(new Date(b.end).toISOString()).toBe("2027-03-31T16:00:00.000Z");
    expect(monthBounds("2027-02", "UTC").end - monthBounds("2027-02", "UTC").start).toBe(28 * 86_400_000);
  });

  it("merges overlapping and touching intervals, drops empty ones", () => {
    expect(
      mergeIntervals([
        { start: 50, end: 60 },
        { start: 0, end: 10 },
        { start: 5, end: 20 },
        { start: 20, end: 30 },
        { start: 40, end: 40 },
        { start: 45, end: 44 },
      ]),
    ).toEqual([
      { start: 0, end: 30 },
      { start: 50, end: 60 },
    ]);
  });

  it("a minute counts when all of it lies inside an interval and inside bounds", () => {
    // 10:00:30–10:03:00 holds minutes 1 and 2 only; 10:00:00–10:02:30 minutes 0 and 1.
    expect(minutesOfIntervals([{ start: at(0, 30), end: at(3) }], MONTH)).toEqual(minutesFrom(1, 2));
    expect(minutesOfIntervals([{ start: at(0), end: at(2, 30) }], MONTH)).toEqual(minutesFrom(0, 2));
    // Overlapping intervals: each minute once.
    expect(minutesOfIntervals([{ start: at(0), end: at(5) }, { start: at(2), end: at(7) }], MONTH)).toEqual(minutesFrom(0, 7));
    // Clipped to the month.
    expect(minutesOfIntervals([{ start: at(-10), end: at(2) }], MONTH)).toEqual(minutesFrom(0, 2));
    expect(minutesOfIntervals([{ start: MONTH.end - 60_000, end: MONTH.end + 600_000 }], MONTH)).toHaveLength(1);
  });

  it("touched minutes include partly covered ones, each once", () => {
    expect(touchedMinutes([{ start: at(0, 30), end: at(2, 10) }, { start: at(2, 20), end: at(2, 40) }], MONTH)).toEqual(minutesFrom(0, 3));
    expect(touchedMinutes([{ start: at(1), end: at(1) }], MONTH)).toEqual([]);
  });

  it("subtracts excluded minutes and intervals", () => {
    expect(subtractMinutes(minutesFrom(0, 10), [{ start: at(2), end: at(4) }, { start: at(8, 30), end: at(20) }])).toEqual([
      minute(0),
      minute(1),
      minute(4),
      minute(5),
      minute(6),
      minute(7),
      minute(8),
    ]);
    // An exclusion ending inside a minute spares it (never rounded in the platform's favour);
    // back-to-back exclusions join.
    expect(subtractMinutes(minutesFrom(0, 4), [{ start: at(0), end: at(2, 30) }])).toEqual(minutesFrom(2, 2));
    expect(subtractMinutes(minutesFrom(0, 4), [{ start: at(0), end: at(1, 30) }, { start: at(1, 30), end: at(4) }])).toEqual([]);
    expect(subtractIntervals([{ start: 0, end: 100 }], [{ start: 10, end: 20 }, { start: 90, end: 200 }])).toEqual([
      { start: 0, end: 10 },
      { start: 20, end: 90 },
    ]);
    expect(subtractIntervals([{ start: 0, end: 100 }], [{ start: -5, end: 100 }])).toEqual([]);
  });

  it("unions minute lists sorted and unique", () => {
    expect(unionMinutes([3, 1], [2, 3], [])).toEqual([1, 2, 3]);
  });
});
