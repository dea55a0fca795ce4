import { describe, expect, it } from "vitest";
import { countingSince, lockDecision, lockEnd, networkKeyOf, rateSubjectOf } from "./lockout-rules";

const now = new Date("2026-11-28T10:00:00Z");
const at = (iso: string) => new Date(iso);

describe("countingSince", () => {
  it("is the window's start when nothing reset it", () => {
    expect(countingSince(now, 15, [])).toEqual(at("2026-11-28T09:45:00Z"));
    expect(countingSince(now, 15, [null, undefined])).toEqual(at("2026-11-28T09:45:00Z"));
  });
  it("moves past a success, a lock's end or an unlock inside the window", () => {
    expect(countingSince(now, 15, [at("2026-11-28T09:50:00Z"), at("2026-11-28T09:55:00Z")])).toEqual(at("2026-11-28T09:55:00Z"));
  });
  it("ignores resets older than the window and a lock that has not ended yet", () => {
    expect(countingSince(now, 15, [at("2026-11-28T09:00:00Z"), at("2026-11-28T10:20:00Z")])).toEqual(at("2026-11-28T09:45:00Z"));
  });
});

describe("lockEnd", () => {
  it("is the unlock when an admin lifted the lock early, else its planned end", () => {
    expect(lockEnd({ lockedUntil: at("2026-11-28T10:30:00Z"), unlockedAt: at("2026-11-28T10:05:00Z") })).toEqual(at("2026-11-28T10:05:00Z"));
    expect(lockEnd({ lockedUntil: at("2026-11-28T10:30:00Z"), unlockedAt: null })).toEqual(at("2026-11-28T10:30:00Z"));
    expect(lockEnd({ lockedUntil: at("2026-11-28T10:30:00Z"), unlockedAt: at("2026-11-28T11:00:00Z") })).toEqual(at("2026-11-28T10:30:00Z"));
    expect(lockEnd(null)).toBeNull();
  });
});

describe("lockDecision (seed 001 defaults: 5 failures → 30 minutes)", () => {
  it.each([
    [4, false],
    [5, true],
    [6, true],
  ])("%i failures against a threshold of 5 → locked %s", (failures, locked) => {
    const d = lockDecision(failures, 5, 30, now);
    expect(d.lock).toBe(locked);
    if (d.lock) expect(d.lockedUntil).toEqual(at("2026-11-28T10:30:00Z"));
  });
  it("the per-address threshold (50 in 15 minutes → 30 minutes)", () => {
    expect(lockDecision(49, 50, 30, now)).toEqual({ lock: false });
    expect(lockDecision(50, 50, 30, now)).toEqual({ lock: true, lockedUntil: at("2026-11-28T10:30:00Z") });
  });
  it("a threshold of 0 never locks", () => {
    expect(lockDecision(1000, 0, 30, now)).toEqual({ lock: false });
  });
});

describe("networkKeyOf", () => {
  it.each([
    ["203.0.113.77", "203.0.113.0/24"],
    ["::ffff:203.0.113.77", "203.0.113.0/24"],
    ["2001:db8:1234:5678::1", "2001:db8:1234::/48"],
    ["2001:DB8:1234:ffff:1:2:3:4", "2001:db8:1234::/48"],
    ["::1", "::/48"],
    [null, null],
    ["", null],
    ["garbage", null],
  ])("%s → %s", (ip, key) => {
    expect(networkKeyOf(ip)).toBe(key);
  });
});

describe("rateSubjectOf: an IPv6 client cannot dodge the rate limit by rotating addresses in its /64", () => {
  it.each([
    ["203.0.113.77", "203.0.113.77"],
    ["2001:db8:1:2::1", "2001:db8:1:2::/64"],
    ["2001:db8:1:2:ffff:eeee:dddd:cccc", "2001:db8:1:2::/64"],
    ["2001:db8:1:3::1", "2001:db8:1:3::/64"],
    ["garbage", "garbage"],
  ])("%s → %s", (ip, subject) => {
    expect(rateSubjectOf(ip)).toBe(subject);
  });
});
