import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "@/server/auth/policy/security-policy";
import { characterClasses, describePasswordRule, passwordMessagesFor, passwordProblemsFor } from "./password-policy-rule";

// Seed 001 §7: 8–16 characters, at least three character classes, no three consecutive digits,
// not the account name; the range is configurable per tenant.
const rule = (password: string, name?: string) => passwordProblemsFor(DEFAULT_POLICY, password, name);

describe("characterClasses", () => {
  it.each([
    ["abcdefgh", 1],
    ["abcDEF24", 3],
    ["abcDEF24!", 4],
    ["密码密码密码密码", 1], // non-ASCII counts as "other"
  ])("%s uses %i classes", (pw, n) => expect(characterClasses(pw)).toBe(n));
});

describe("passwordProblemsFor with the default policy (seed 001)", () => {
  it("accepts 8 and 16 characters of 3 classes", () => {
    expect(rule("Spring26", "li.wei@xinghe.cn")).toEqual([]);
    expect(rule("spring#26")).toEqual([]);
    expect(rule("Aa2" + "x".repeat(13))).toEqual([]);
  });

  it("refuses 7 characters and 17", () => {
    expect(rule("Sprin26")).toEqual(["too_short"]);
    expect(rule("Aa2" + "x".repeat(14))).toEqual(["too_long"]);
  });

  it("counts characters, not UTF-16 units", () => {
    expect(rule("Aa2😀😀😀😀😀")).toEqual([]);
    expect(rule("Aa2😀😀😀😀")).toEqual(["too_short"]);
  });

  it("refuses fewer than 3 character classes", () => {
    expect(rule("password")).toEqual(["too_simple"]);
    expect(rule("Password")).toEqual(["too_simple"]);
    expect(rule("24682468")).toEqual(["too_simple"]);
  });

  it.each(["Spring#123", "Spring#987", "Sp012ring#", "Spring#789x", "Spring#210"])("refuses three consecutive digits in %s", (pw) => {
    expect(rule(pw)).toEqual(["digit_sequence"]);
  });

  it.each(["Spring#111", "Sp000ring#", "Spring#9994"])("refuses three repeated digits in %s", (pw) => {
    expect(rule(pw)).toEqual(["repeated_digits"]);
  });

  it("allows two consecutive or repeated digits, and runs broken by another character", () => {
    expect(rule("Spring#12x3")).toEqual([]);
    expect(rule("Spring#11x1")).toEqual([]);
    expect(rule("Spring#135")).toEqual([]);
    expect(rule("Spring#1221")).toEqual([]);
  });

  it("refuses the account name inside, any case; ignores names shorter than 3", () => {
    expect(rule("LiWei#2026", "liwei@x.cn")).toEqual(["contains_name"]);
    expect(rule("LiWei#2026", "liwei")).toEqual(["contains_name"]);
    expect(rule("Xy#2026ab", "xy@x.cn")).toEqual([]);
  });

  it("refuses control characters", () => {
    expect(rule("Spring\n26")).toEqual(["control_chars"]);
    expect(rule("Spring\u007f26")).toEqual(["control_chars"]);
  });

  it("reports every problem at once, each naming its rule in both languages", () => {
    const problems = rule("a111");
    expect(problems).toEqual(["too_short", "too_simple", "repeated_digits"]);
    expect(passwordMessagesFor(DEFAULT_POLICY, problems)).toEqual([
      { en: "Length: use at least 8 characters", "zh-CN": "长度：密码至少 8 位" },
      {
        en: "Character types: mix at least 3 of lower-case letters, upper-case letters, digits, symbols",
        "zh-CN": "字符种类：需包含小写字母、大写字母、数字、符号中的至少 3 种",
      },
      { en: 'Digits: no three repeated digits such as "111"', "zh-CN": "数字：不能包含 3 位重复数字（如 111）" },
    ]);
  });
});

describe("a tenant's own numbers", () => {
  const policy = { ...DEFAULT_POLICY, passwordMinLength: 12, passwordMaxLength: 64, passwordMinClasses: 4, passwordHistory: 3 };

  it("uses the configured range and class count", () => {
    expect(passwordProblemsFor(policy, "Spring#26")).toEqual(["too_short"]);
    expect(passwordProblemsFor(policy, "Spring#26abcd")).toEqual([]);
    expect(passwordProblemsFor(policy, "Springxx26abcd")).toEqual(["too_simple"]);
    expect(passwordProblemsFor(policy, "S#2" + "x".repeat(61))).toEqual([]);
    expect(passwordMessagesFor(policy, ["too_long", "reused"]).map((m) => m.en)).toEqual([
      "Length: use at most 64 characters",
      "History: must not be one of your last 3 passwords",
    ]);
  });

  it("describes the rule with the numbers", () => {
    expect(describePasswordRule(policy).en).toMatch(/^12–64 characters with at least 4 of .+ not one of your last 3 passwords\.$/);
    expect(describePasswordRule(policy)["zh-CN"]).toMatch(/^12–64 位，至少包含.+ 4 种.+最近 3 次/);
    expect(describePasswordRule({ ...policy, passwordHistory: 0 }).en).not.toMatch(/last/);
  });
});
