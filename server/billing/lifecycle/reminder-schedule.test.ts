import { describe, expect, it } from "vitest";
import { bannerLevel, reminderDue } from "./reminder-schedule";

describe("reminderDue", () => {
  it.each([
    [31, null],
    [30, 30],
    [29, 30],
    [8, 30],
    [7, 7],
    [2, 7],
    [1, 1],
  ])("at %i days left with nothing sent → %s", (daysLeft, due) => {
    expect(reminderDue(daysLeft, [])).toBe(due);
  });

  it("sends nothing when the balance never runs out, already ran out, or is far away", () => {
    for (const daysLeft of [null, 0, -3, 31, 400]) expect(reminderDue(daysLeft, [])).toBeNull();
  });

  it("sends each threshold once per run-out day", () => {
    expect(reminderDue(30, [30])).toBeNull();
    expect(reminderDue(12, [30])).toBeNull();
    expect(reminderDue(7, [30])).toBe(7);
    expect(reminderDue(3, [30, 7])).toBeNull();
    expect(reminderDue(1, [30, 7])).toBe(1);
    expect(reminderDue(1, [30, 7, 1])).toBeNull();
  });

  it("skips a missed threshold instead of sending a stale one", () => {
    // Never reminded and 5 days left: the 7-day reminder only, not also the 30-day one.
    expect(reminderDue(5, [])).toBe(7);
    // Then, a day before, the 1-day one; the 30-day one never comes.
    expect(reminderDue(1, [7])).toBe(1);
    expect(reminderDue(20, [7])).toBeNull();
  });
});

describe("bannerLevel", () => {
  it.each([
    [null, null],
    [31, null],
    [30, "info"],
    [15, "info"],
    [14, "warning"],
    [8, "warning"],
    [7, "danger"],
    [1, "danger"],
    [0, "danger"],
    [-10, "danger"],
  ])("at %s days left → %s", (daysLeft, level) => {
    expect(bannerLevel(daysLeft)).toBe(level);
  });
});
