import { describe, expect, it } from "vitest";
import { normaliseMobile, quotaMessage, quotaProblem } from "./mailbox-rules";

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
