import { describe, expect, it } from "vitest";
import { characterClasses, passwordMessages, passwordProblems } from "./password-rule";

describe("characterClasses", () => {
  it.each([
    ["abcdefgh", 1],
    ["abcDEF12", 3],
    ["abcDEF12!", 4],
    ["密码密码密码密码", 1], // non-ASCII counts as "other"
  ])("%s uses %i classes", (pw, n) => expect(characterClasses(pw)).toBe(n));
});

describe("passwordProblems", () => {
  it("accepts 8 characters of 3 classes", () => {
    expect(passwordProblems("Spring26", "li.wei@xinghe.cn")).toEqual([]);
    expect(passwordProblems("spring#26")).toEqual([]);
  });

  it("refuses 7 characters, and 65", () => {
    expect(passwordProblems("Sprin26")).toEqual(["too_short"]);
    expect(passwordProblems("Aa1" + "x".repeat(62))).toEqual(["too_long"]);
    expect(passwordProblems("Aa1" + "x".repeat(61))).toEqual([]);
  });

  it("counts characters, not UTF-16 units", () => {
    expect(passwordProblems("Aa1😀😀😀😀😀")).toEqual([]);
    expect(passwordProblems("Aa1😀😀😀😀")).toEqual(["too_short"]);
  });

  it("refuses fewer than 3 character classes", () => {
    expect(passwordProblems("password")).toEqual(["too_simple"]);
    expect(passwordProblems("Password")).toEqual(["too_simple"]);
    expect(passwordProblems("12345678")).toEqual(["too_simple"]);
  });

  it("refuses the mailbox name inside, any case; ignores names shorter than 3", () => {
    expect(passwordProblems("LiWei#2026", "liwei@x.cn")).toEqual(["contains_name"]);
    expect(passwordProblems("Xy#2026ab", "xy@x.cn")).toEqual([]);
  });

  it("refuses control characters", () => {
    expect(passwordProblems("Spring\n26")).toEqual(["control_chars"]);
  });

  it("reports every problem at once, each with a bilingual message", () => {
    const problems = passwordProblems("abc");
    expect(problems).toEqual(["too_short", "too_simple"]);
    const [short] = passwordMessages(problems);
    expect(short).toEqual({ en: "Use at least 8 characters", "zh-CN": "密码至少 8 位" });
  });
});
