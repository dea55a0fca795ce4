import { describe, expect, it } from "vitest";
import { passwordProblem } from "./import-password";

describe("passwordProblem", () => {
  it.each(["Welcome#2026", "abc123!@#x", "ABCdef12"])("accepts %j", (pw) => {
    expect(passwordProblem(pw, "zhang.san")).toBeNull();
  });

  it.each([
    ["Ab1!", "8–64 characters"],
    ["A".repeat(30) + "a1" + "b".repeat(40), "8–64 characters"],
    ["abcdefgh1", "at least three"],
    ["ABCDEFGH", "at least three"],
    ["Zhang.San-2026", "must not contain the mailbox name"],
  ])("refuses %j (%s)", (pw, why) => {
    const m = passwordProblem(pw, "zhang.san");
    expect(m?.en).toContain(why);
    expect(m?.["zh-CN"]).toMatch(/[\u4e00-\u9fff]/);
  });
});
