import { describe, expect, it } from "vitest";
import { homeReminders, seatsNearlyFull } from "./home-reminders";

describe("seatsNearlyFull", () => {
  it.each([
    [{ paid: 10, used: 8, free: 2 }, false],
    [{ paid: 10, used: 9, free: 1 }, true], // 90 %
    [{ paid: 100, used: 89, free: 11 }, false],
    [{ paid: 100, used: 90, free: 10 }, true],
    [{ paid: 5, used: 5, free: 0 }, true],
    [{ paid: 0, used: 0, free: 0 }, true], // nothing bought: no mailbox can be created
    [{ paid: 3, used: 4, free: 0 }, true], // after a resize down
  ])("%j → %s", (usage, expected) => expect(seatsNearlyFull(usage)).toBe(expected));
});

describe("homeReminders", () => {
  it("reminds of full seats", () => {
    expect(homeReminders({ seats: { paid: 10, used: 10, free: 0 } })).toEqual([{ kind: "seats_nearly_full", paid: 10, used: 10, free: 0 }]);
  });

  it("has nothing to say while seats are free", () => {
    expect(homeReminders({ seats: { paid: 10, used: 1, free: 9 } })).toEqual([]);
  });
});
