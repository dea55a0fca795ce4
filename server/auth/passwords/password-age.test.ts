import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "@/server/auth/policy/security-policy";
import { passwordAgeState, passwordSetAt } from "./password-age";

// Seed 001 §7: a periodic change, 90 days by default, with a reminder (14 days) before.
const changed = new Date("2026-01-01T00:00:00Z");
const at = (iso: string) => passwordAgeState(DEFAULT_POLICY, changed, new Date(iso));

describe("passwordAgeState", () => {
  it("is ok until the reminder window, 90 days after the change", () => {
    expect(at("2026-03-17T23:59:59Z")).toEqual({ state: "ok", expiresAt: new Date("2026-04-01T00:00:00Z"), daysLeft: 15 });
  });

  it("is expiring within the 14 days before, counting whole days up", () => {
    expect(at("2026-03-18T00:00:00Z")).toEqual({ state: "expiring", expiresAt: new Date("2026-04-01T00:00:00Z"), daysLeft: 14 });
    expect(at("2026-03-31T12:00:00Z")).toMatchObject({ state: "expiring", daysLeft: 1 });
  });

  it("is expired from day 90 on", () => {
    expect(at("2026-04-01T00:00:00Z")).toEqual({ state: "expired", expiresAt: new Date("2026-04-01T00:00:00Z"), daysLeft: 0 });
    expect(at("2027-01-01T00:00:00Z")).toMatchObject({ state: "expired", daysLeft: 0 });
  });

  it("never expires when the max age is 0", () => {
    expect(passwordAgeState({ ...DEFAULT_POLICY, passwordMaxAgeDays: 0 }, changed, new Date("2036-01-01T00:00:00Z"))).toEqual({ state: "ok", expiresAt: null, daysLeft: null });
  });

  it("uses the tenant's numbers", () => {
    const policy = { passwordMaxAgeDays: 30, passwordReminderDays: 0 };
    expect(passwordAgeState(policy, changed, new Date("2026-01-30T23:00:00Z")).state).toBe("ok");
    expect(passwordAgeState(policy, changed, new Date("2026-01-31T00:00:00Z")).state).toBe("expired");
  });
});

describe("passwordSetAt", () => {
  it("falls back to the account's creation when never changed", () => {
    const createdAt = new Date("2025-06-01T00:00:00Z");
    expect(passwordSetAt({ passwordChangedAt: null, createdAt })).toBe(createdAt);
    expect(passwordSetAt({ passwordChangedAt: changed, createdAt })).toBe(changed);
  });
});
