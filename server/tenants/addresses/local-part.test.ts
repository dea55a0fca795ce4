import { describe, expect, it } from "vitest";
import { checkLocalPart, joinAddress, localPartMessage, MAX_LOCAL_PART, RESERVED_LOCAL_PARTS } from "./local-part";

describe("checkLocalPart", () => {
  it.each([
    ["zhang.san", "zhang.san"],
    ["  Li_Si ", "li_si"],
    ["a", "a"],
    ["sales-2026", "sales-2026"],
    ["x".repeat(MAX_LOCAL_PART), "x".repeat(MAX_LOCAL_PART)],
  ])("accepts %j as %j", (raw, value) => {
    expect(checkLocalPart(raw)).toEqual({ ok: true, value });
  });

  it.each([
    ["", "empty"],
    ["   ", "empty"],
    ["a@b.com", "has_at"],
    ["x".repeat(MAX_LOCAL_PART + 1), "too_long"],
    ["zhang san", "bad_char"],
    ["张三", "bad_char"],
    ["a+tag", "bad_char"],
    [".dot", "bad_edge"],
    ["dash-", "bad_edge"],
    ["a..b", "double_dot"],
    ["Postmaster", "reserved"],
    ["abuse", "reserved"],
    ["mailer-daemon", "reserved"],
  ])("refuses %j: %s", (raw, problem) => {
    expect(checkLocalPart(raw)).toEqual({ ok: false, problem });
  });

  it("has a message in both languages for every problem", () => {
    for (const problem of ["empty", "too_long", "bad_char", "bad_edge", "double_dot", "reserved", "has_at"] as const) {
      const m = localPartMessage(problem, "postmaster");
      expect(m.en.length).toBeGreaterThan(5);
      expect(m["zh-CN"]).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(localPartMessage("reserved", "Postmaster").en).toContain('"postmaster"');
  });

  it("reserves RFC 2142's role addresses", () => {
    for (const name of ["postmaster", "abuse", "hostmaster", "webmaster"]) expect(RESERVED_LOCAL_PARTS.has(name)).toBe(true);
  });
});

describe("joinAddress", () => {
  it("joins, and refuses a whole address over 254 characters", () => {
    expect(joinAddress("a", "example.com")).toBe("a@example.com");
    const domain = `${"d".repeat(63)}.${"e".repeat(63)}.${"f".repeat(63)}.com`; // 195 characters
    expect(joinAddress("x".repeat(58), domain)).toHaveLength(254);
    expect(joinAddress("x".repeat(59), domain)).toBeNull();
  });
});
