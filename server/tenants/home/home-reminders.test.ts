import { describe, expect, it } from "vitest";
import { homeReminders, PASSWORD_MAX_AGE_DAYS, passwordExpiry, passwordReminder, seatsNearlyFull } from "./home-reminders";

const at = (iso: string) => new Date(iso);
const set = at("2026-01-01T08:00:00Z");

describe("passwordExpiry", () => {
  it("expires 90 days after the password was set", () => {
    expect(PASSWORD_MAX_AGE_DAYS).toBe(90);
    expect(passwordExpiry(set, set)).toEqual({ expiresAt: at("2026-04-01T08:00:00Z"), daysLeft: 90 });
  });

  it("counts whole days left, 0 on the last day and negative once expired", () => {
    expect(passwordExpiry(set, at("2026-03-31T09:00:00Z")).daysLeft).toBe(0);
    expect(passwordExpiry(set, at("2026-04-01T08:00:00Z")).daysLeft).toBe(0);
    expect(passwordExpiry(set, at("2026-04-01T08:00:01Z")).daysLeft).toBe(-1);
    expect(passwordExpiry(set, at("2026-04-11T08:00:00Z")).daysLeft).toBe(-10);
  });
});

describe("passwordReminder", () => {
  it("is quiet until 14 days are left, then reminds, also once expired", () => {
    expect(passwordReminder(set, at("2026-03-17T07:59:59Z"))).toBeNull(); // 15 days left
    expect(passwordReminder(set, at("2026-03-18T08:00:00Z"))).toMatchObject({ daysLeft: 14 });
    expect(passwordReminder(set, at("2026-05-01T00:00:00Z"))?.daysLeft).toBeLessThan(0);
  });
});

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
  it("lists the due reminders, most urgent first", () => {
    expect(homeReminders({ passwordSetAt: set, now: at("2026-03-25T08:00:00Z"), seats: { paid: 10, used: 10, free: 0 }, hasSecondFactor: false })).toEqual([
      { kind: "password_expiring", expiresAt: at("2026-04-01T08:00:00Z"), daysLeft: 7 },
      { kind: "seats_nearly_full", paid: 10, used: 10, free: 0 },
      { kind: "no_second_factor" },
    ]);
  });

  it("has nothing to say for a fresh password, free seats and a second factor", () => {
    expect(homeReminders({ passwordSetAt: set, now: set, seats: { paid: 10, used: 1, free: 9 }, hasSecondFactor: true })).toEqual([]);
  });
});
