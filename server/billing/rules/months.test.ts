import { describe, expect, it } from "vitest";
import {
  addMonths,
  dayOf,
  daysBetween,
  isMonth,
  isTimeZone,
  lastDayOf,
  maxMonth,
  monthOf,
  monthsBetween,
  monthStart,
} from "./months";

describe("months", () => {
  it("validates 'YYYY-MM'", () => {
    expect(isMonth("2026-12")).toBe(true);
    for (const bad of ["2026-13", "2026-00", "2026-1", "26-01", "2026/01", "1999-12", "2026-01-01", ""]) {
      expect(isMonth(bad), bad).toBe(false);
    }
  });

  it("adds and counts months across years", () => {
    expect(addMonths("2026-11", 1)).toBe("2026-12");
    expect(addMonths("2026-12", 1)).toBe("2027-01");
    expect(addMonths("2027-01", -1)).toBe("2026-12");
    expect(addMonths("2026-12", 12)).toBe("2027-12");
    expect(addMonths("2026-03", -15)).toBe("2024-12");
    expect(monthsBetween("2026-11", "2027-11")).toBe(12);
    expect(monthsBetween("2027-02", "2026-12")).toBe(-2);
    expect(maxMonth("2026-12", "2027-01", "2026-01")).toBe("2027-01");
  });

  it("puts an instant in the tenant's calendar month, not UTC's", () => {
    // 2026-11-30 17:00 UTC is already 1 December 01:00 in Shanghai.
    const instant = new Date("2026-11-30T17:00:00Z");
    expect(monthOf(instant, "Asia/Shanghai")).toBe("2026-12");
    expect(monthOf(instant, "UTC")).toBe("2026-11");
    expect(monthOf(instant, "America/New_York")).toBe("2026-11");
    expect(dayOf(instant, "Asia/Shanghai")).toBe("2026-12-01");
  });

  it("finds the instant a month starts in a zone", () => {
    expect(monthStart("2026-12", "Asia/Shanghai").toISOString()).toBe("2026-11-30T16:00:00.000Z");
    expect(monthStart("2027-01", "UTC").toISOString()).toBe("2027-01-01T00:00:00.000Z");
    expect(monthStart("2026-07", "America/New_York").toISOString()).toBe("2026-07-01T04:00:00.000Z");
    expect(monthStart("2026-12", "America/New_York").toISOString()).toBe("2026-12-01T05:00:00.000Z");
    // Chatham Islands: +12:45 / +13:45, a zone with a quarter-hour offset and DST.
    expect(monthStart("2027-01", "Pacific/Chatham").toISOString()).toBe("2026-12-31T10:15:00.000Z");
    for (const tz of ["Asia/Shanghai", "Europe/London", "America/Los_Angeles", "Australia/Sydney"]) {
      for (let i = 0; i < 24; i++) {
        const month = addMonths("2026-01", i);
        const start = monthStart(month, tz);
        expect(monthOf(start, tz), `${tz} ${month}`).toBe(month);
        expect(monthOf(new Date(start.getTime() - 1), tz), `${tz} ${month} − 1 ms`).toBe(addMonths(month, -1));
      }
    }
  });

  it("knows month lengths and day distances", () => {
    expect(lastDayOf("2027-02")).toBe("2027-02-28");
    expect(lastDayOf("2028-02")).toBe("2028-02-29");
    expect(lastDayOf("2026-12")).toBe("2026-12-31");
    expect(daysBetween("2026-11-26", "2026-12-01")).toBe(5);
    expect(daysBetween("2026-12-01", "2026-11-01")).toBe(-30);
  });

  it("recognises time zones", () => {
    expect(isTimeZone("Asia/Shanghai")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
  });
});
