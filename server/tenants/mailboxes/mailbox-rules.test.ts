import { describe, expect, it } from "vitest";
import { characterKinds, normaliseMobile, passwordMessage, passwordProblem, quotaMessage, quotaProblem } from "./mailbox-rules";

describe("passwordProblem", () => {
  it("accepts a long enough mix of three kinds", () => {
    expect(passwordProblem("Spring2026", "zhang.san")).toBeNull();
    expect(passwordProblem("spring-2026", "zhang.san")).toBeNull();
    expect(passwordProblem("Aa1!Aa1!", "")).toBeNull();
  });
  it("refuses short, long, spaced and one- or two-kind passwords", () => {
    expect(passwordProblem("Ab1!x", "")).toBe("too_short");
    expect(passwordProblem(`Aa1${"x".repeat(62)}`, "")).toBe("too_long");
    expect(passwordProblem("Spring 2026", "")).toBe("spaces");
    expect(passwordProblem("password", "")).toBe("few_kinds");
    expect(passwordProblem("password123", "")).toBe("few_kinds");
    expect(passwordProblem("12345678", "")).toBe("few_kinds");
  });
  it("refuses a password containing the mailbox name, case aside", () => {
    expect(passwordProblem("Zhang.San2026", "zhang.san")).toBe("contains_name");
    expect(passwordProblem("Xy1!Li-Xy", "li")).toBeNull(); // too short a name to matter
  });
  it("counts kinds of character", () => {
    expect(characterKinds("aA1!")).toBe(4);
    expect(characterKinds("中文密码")).toBe(1);
  });
  it("says each problem in both languages", () => {
    for (const p of ["too_short", "too_long", "few_kinds", "contains_name", "spaces"] as const) {
      const m = passwordMessage(p);
      expect(m.en.length).toBeGreaterThan(5);
      expect(m["zh-CN"]).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe("normaliseMobile", () => {
  it("accepts mainland mobiles and E.164 numbers, normalised", () => {
    expect(normaliseMobile("13800138000")).toBe("13800138000");
    expect(normaliseMobile("138-0013 8000")).toBe("13800138000");
    expect(normaliseMobile("+86 138 0013 8000")).toBe("+8613800138000");
    expect(normaliseMobile("+852 9123 4567")).toBe("+85291234567");
  });
  it("treats empty as no number", () => {
    expect(normaliseMobile("")).toBeNull();
    expect(normaliseMobile("  ")).toBeNull();
    expect(normaliseMobile(undefined)).toBeNull();
  });
  it("refuses malformed numbers", () => {
    for (const bad of ["12800138000", "1380013800", "138001380001", "+0123456789", "+12", "abc", "010-12345678"]) expect(normaliseMobile(bad)).toBe(false);
  });
});

describe("quotaProblem", () => {
  it("accepts up to the plan's quota", () => {
    expect(quotaProblem(2048, 2048)).toBeNull();
    expect(quotaProblem(1, 2048)).toBeNull();
  });
  it("refuses over the plan with the number", () => {
    const p = quotaProblem(2049, 2048);
    expect(p).toEqual({ kind: "over_plan", max: 2048 });
    expect(quotaMessage(p!).en).toContain("2048 MB");
  });
  it("refuses below what the mailbox already stores", () => {
    expect(quotaProblem(100, 2048, 150 * 1024 * 1024 + 1)).toEqual({ kind: "below_used", usedMb: 151 });
    expect(quotaProblem(151, 2048, 150 * 1024 * 1024 + 1)).toBeNull();
  });
});
