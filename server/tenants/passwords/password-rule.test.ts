import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "@/server/auth/policy/security-policy";
import { passwordMessages, passwordProblems, passwordRefusal } from "./password-rule";

// The mailbox wrappers are the policy rule (its own tests hold seed 001's numbers); these check
// that the wrappers pass the address and the policy through.
describe("mailbox password rule wrappers", () => {
  it("use the default policy when given none", () => {
    expect(passwordProblems("Spring26", "li.wei@xinghe.cn")).toEqual([]);
    expect(passwordProblems("Aa2" + "x".repeat(14))).toEqual(["too_long"]);
    expect(passwordProblems("LiWei#2026", "liwei@x.cn")).toEqual(["contains_name"]);
  });

  it("use a tenant's policy when given one", () => {
    const policy = { ...DEFAULT_POLICY, passwordMaxLength: 64 };
    expect(passwordProblems("Aa2" + "x".repeat(14), undefined, policy)).toEqual([]);
    expect(passwordRefusal("Aa2" + "x".repeat(62), undefined, policy)?.en).toBe("Length: use at most 64 characters");
  });

  it("give one message per problem, and the first for a CSV row", () => {
    expect(passwordMessages(passwordProblems("abc")).map((m) => m.en)).toEqual([
      "Length: use at least 8 characters",
      "Character types: mix at least 3 of lower-case letters, upper-case letters, digits, symbols",
    ]);
    expect(passwordRefusal("Spring#123")).toEqual({ en: 'Digits: no three consecutive digits such as "123" or "987"', "zh-CN": "数字：不能包含 3 位连续数字（如 123、987）" });
    expect(passwordRefusal("Spring#26")).toBeNull();
  });
});
