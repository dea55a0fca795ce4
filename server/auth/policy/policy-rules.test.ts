import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY, type SecurityPolicyValues } from "./security-policy";
import { policyFieldErrors, POLICY_BOUNDS } from "./policy-rules";

const with_ = (change: Partial<SecurityPolicyValues>) => policyFieldErrors({ ...DEFAULT_POLICY, ...change });
const en = (change: Partial<SecurityPolicyValues>) => Object.fromEntries(Object.entries(with_(change)).map(([k, v]) => [k, v!.map((t) => t.en)]));

describe("policyFieldErrors", () => {
  it("accepts the defaults of seed 001 (8–16 characters, three classes, 90 days, lockout after 5)", () => {
    expect(policyFieldErrors(DEFAULT_POLICY)).toEqual({});
  });

  it("accepts every bound exactly", () => {
    const lows = Object.fromEntries(Object.entries(POLICY_BOUNDS).map(([k, b]) => [k, b.min])) as Partial<SecurityPolicyValues>;
    expect(with_({ ...lows, passwordMaxAgeDays: 0, sessionIdleMinutes: 5, sessionAbsoluteHours: 1 })).toEqual({});
    expect(with_({ passwordMinLength: 64, passwordMaxLength: 64, passwordMinClasses: 4, passwordHistory: 24, passwordMaxAgeDays: 365, passwordReminderDays: 364, lockoutThreshold: 50, lockoutWindowMinutes: 1440, lockoutMinutes: 1440, sessionIdleMinutes: 480, sessionAbsoluteHours: 72 })).toEqual({});
    expect(with_({ passwordMaxAgeDays: 30, passwordReminderDays: 29 })).toEqual({});
  });

  it.each([
    ["passwordMinLength", 5, "Minimum length must be a whole number from 6 to 64"],
    ["passwordMaxLength", 65, "Maximum length must be a whole number from 6 to 64"],
    ["passwordMinClasses", 0, "Character classes must be a whole number from 1 to 4"],
    ["passwordMinClasses", 5, "Character classes must be a whole number from 1 to 4"],
    ["passwordHistory", -1, "Remembered passwords must be a whole number from 0 to 24"],
    ["passwordHistory", 25, "Remembered passwords must be a whole number from 0 to 24"],
    ["passwordMaxAgeDays", 366, "Password lifetime (days) must be a whole number from 0 to 365"],
    ["lockoutThreshold", 2, "Failed attempts before lockout must be a whole number from 3 to 50"],
    ["lockoutThreshold", 51, "Failed attempts before lockout must be a whole number from 3 to 50"],
    ["lockoutWindowMinutes", 0, "Counting window (minutes) must be a whole number from 1 to 1440"],
    ["lockoutMinutes", 1441, "Lock duration (minutes) must be a whole number from 1 to 1440"],
    ["sessionIdleMinutes", 4, "Idle timeout (minutes) must be a whole number from 5 to 480"],
    ["sessionAbsoluteHours", 73, "Absolute timeout (hours) must be a whole number from 1 to 72"],
    ["lockoutThreshold", 4.5, "Failed attempts before lockout must be a whole number from 3 to 50"],
    ["lockoutThreshold", Number.NaN, "Failed attempts before lockout must be a whole number from 3 to 50"],
  ] as const)("%s = %s is refused: %s", (field, value, text) => {
    expect(en({ [field]: value })).toEqual({ [field]: [text] });
  });

  it("refuses a minimum length above the maximum, under the maximum", () => {
    expect(en({ passwordMinLength: 12, passwordMaxLength: 10 })).toEqual({ passwordMaxLength: ["Maximum length must be at least the minimum length (12)"] });
    expect(with_({ passwordMinLength: 12, passwordMaxLength: 12 })).toEqual({});
  });

  it("allows 0 (never expires) or 30–365 days, nothing between", () => {
    expect(with_({ passwordMaxAgeDays: 0, passwordReminderDays: 14 })).toEqual({});
    expect(en({ passwordMaxAgeDays: 29, passwordReminderDays: 7 })).toEqual({ passwordMaxAgeDays: ["Password lifetime must be 0 (never expires) or 30 to 365 days"] });
    expect(en({ passwordMaxAgeDays: 1, passwordReminderDays: 0 })).toEqual({ passwordMaxAgeDays: ["Password lifetime must be 0 (never expires) or 30 to 365 days"] });
  });

  it("wants the reminder before the expiry", () => {
    expect(en({ passwordMaxAgeDays: 30, passwordReminderDays: 30 })).toEqual({ passwordReminderDays: ["The reminder must come before the password expires: fewer than 30 days"] });
  });

  it("keeps the idle timeout within the absolute one", () => {
    expect(en({ sessionIdleMinutes: 90, sessionAbsoluteHours: 1 })).toEqual({ sessionIdleMinutes: ["Idle timeout cannot be longer than the absolute timeout (60 minutes)"] });
    expect(with_({ sessionIdleMinutes: 60, sessionAbsoluteHours: 1 })).toEqual({});
  });

  it("refuses unknown defaults and second-factor settings", () => {
    const bad = { ...DEFAULT_POLICY, webDefault: "maybe", totpPolicy: "sometimes" } as unknown as SecurityPolicyValues;
    expect(Object.keys(policyFieldErrors(bad))).toEqual(["webDefault", "totpPolicy"]);
  });

  it("says every problem in Chinese too", () => {
    expect(with_({ lockoutThreshold: 2 }).lockoutThreshold![0]!["zh-CN"]).toBe("锁定前允许的失败次数须为 3 到 50 之间的整数");
  });
});
