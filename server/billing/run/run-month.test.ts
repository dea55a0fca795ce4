import { describe, expect, it } from "vitest";
import { DomainError } from "@/server/shared/errors";
import { validateRunMonth } from "./run-month";

const now = new Date("2026-11-26T12:00:00Z");
const message = (month: unknown) => {
  try {
    validateRunMonth(month, now, "Asia/Shanghai");
    return "ok";
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe("BAD_INPUT");
    expect((e as DomainError).fieldErrors?.month?.[0]).toBe((e as DomainError).message);
    return (e as DomainError).message;
  }
};

describe("validateRunMonth", () => {
  it("accepts the current month, the next one and past months", () => {
    expect(message("2026-11")).toBe("ok");
    expect(message("2026-12")).toBe("ok");
    expect(message("2025-01")).toBe("ok");
    expect(validateRunMonth(" 2026-12 ", now, "Asia/Shanghai")).toBe("2026-12");
  });

  it("refuses what is not a month, saying how to write one", () => {
    expect(message("abc")).toBe('"abc" is not a month: write it as YYYY-MM, e.g. 2026-12');
    expect(message("2026-13")).toBe('"2026-13" has no month 13: months run from 01 to 12');
    expect(message("2026-00")).toBe('"2026-00" has no month 0: months run from 01 to 12');
    expect(message("2026-1")).toContain("is not a month");
    expect(message("")).toBe("Give the month to bill as YYYY-MM, e.g. 2026-12");
    expect(message(undefined)).toBe("Give the month to bill as YYYY-MM, e.g. 2026-12");
    expect(message("1999-12")).toContain("out of range");
  });

  it("refuses months more than one month ahead", () => {
    expect(message("2027-01")).toBe("2027-01 is too far ahead: a run can be started at most one month ahead (2026-12 at the latest)");
    expect(message("2099-01")).toContain("too far ahead");
  });

  it("counts ahead from the default zone's month", () => {
    // 17:00 UTC on 30 November is already 1 December in Shanghai.
    expect(validateRunMonth("2027-01", new Date("2026-11-30T17:00:00Z"), "Asia/Shanghai")).toBe("2027-01");
    expect(() => validateRunMonth("2027-01", new Date("2026-11-30T17:00:00Z"), "UTC")).toThrow(/too far ahead/);
  });
});
