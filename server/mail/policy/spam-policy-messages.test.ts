import { describe, expect, it } from "vitest";
import { DEFAULT_SPAM_POLICY } from "@/server/mail/filter/spam-policy-rules";
import { spamPolicyFieldErrors } from "./spam-policy-messages";

const ok = { addHeaderScore: 5, quarantineScore: 8, rejectScore: 15 };

describe("spamPolicyFieldErrors", () => {
  it("accepts the platform defaults and equal mark/quarantine thresholds", () => {
    expect(spamPolicyFieldErrors(DEFAULT_SPAM_POLICY)).toEqual({});
    expect(spamPolicyFieldErrors({ addHeaderScore: 6, quarantineScore: 6, rejectScore: 6.5 })).toEqual({});
    expect(spamPolicyFieldErrors({ addHeaderScore: 2, quarantineScore: 3, rejectScore: 100 })).toEqual({});
  });

  it("names the bounds of a threshold outside them, in both languages", () => {
    expect(spamPolicyFieldErrors({ ...ok, addHeaderScore: 1 })).toEqual({
      addHeaderScore: [{ en: "Mark as spam score must be between 2 and 30", "zh-CN": "标记为垃圾邮件分数须在 2 到 30 之间" }],
    });
    expect(spamPolicyFieldErrors({ ...ok, rejectScore: 101 }).rejectScore?.[0]).toMatchObject({ en: "Reject score must be between 6 and 100" });
    expect(spamPolicyFieldErrors({ ...ok, quarantineScore: Number.NaN }).quarantineScore?.[0]).toMatchObject({ en: "Quarantine score must be between 3 and 40" });
  });

  it("names the threshold whose order is broken", () => {
    expect(spamPolicyFieldErrors({ addHeaderScore: 9, quarantineScore: 8, rejectScore: 15 })).toEqual({
      quarantineScore: [{ en: "Quarantine score must be at least the mark-as-spam score (9)", "zh-CN": "隔离分数不能低于标记为垃圾邮件的分数（9）" }],
    });
    expect(spamPolicyFieldErrors({ addHeaderScore: 5, quarantineScore: 10, rejectScore: 10 })).toEqual({
      rejectScore: [{ en: "Reject score must be above the quarantine score (10)", "zh-CN": "拒收分数须高于隔离分数（10）" }],
    });
  });

  it("reports every problem at once, and more than two decimals as a typo", () => {
    const errors = spamPolicyFieldErrors({ addHeaderScore: 31, quarantineScore: 2, rejectScore: 6.125 });
    expect(Object.keys(errors).sort()).toEqual(["addHeaderScore", "quarantineScore", "rejectScore"]);
    expect(errors.rejectScore).toContainEqual({ en: "Reject score may have at most two decimal places", "zh-CN": "拒收分数最多保留两位小数" });
    expect(spamPolicyFieldErrors({ ...ok, rejectScore: 15.25 })).toEqual({});
    expect(spamPolicyFieldErrors({ ...ok, addHeaderScore: 5.1 })).toEqual({});
  });
});
