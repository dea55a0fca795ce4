import { describe, expect, it } from "vitest";
import { addDays, dayEnd, daysFromTo, lastSealableDay, monthDays, parseUtcDay } from "./utc-days";

describe("UTC days", () => {
  it("parses real days only", () => {
    expect(parseUtcDay("2026-11-03")?.toISOString()).toBe("2026-11-03T00:00:00.000Z");
    expect(parseUtcDay("2028-02-29")?.toISOString()).toBe("2028-02-29T00:00:00.000Z");
    for (const bad of ["2026-02-30", "2026-13-01", "2026-11-3", "20261103", "", "2026-11-03T00:00:00Z", "yesterday"]) expect(parseUtcDay(bad)).toBeNull();
  });

  it("steps across months and years, and bounds a day", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(dayEnd("2026-11-03").toISOString()).toBe("2026-11-04T00:00:00.000Z");
    expect(daysFromTo("2026-10-30", "2026-11-02")).toEqual(["2026-10-30", "2026-10-31", "2026-11-01", "2026-11-02"]);
    expect(daysFromTo("2026-11-02", "2026-11-01")).toEqual([]);
  });

  it("seals a day only once its grace after midnight has passed", () => {
    expect(lastSealableDay(new Date("2026-11-04T00:14:59.999Z"), 15)).toBe("2026-11-02");
    expect(lastSealableDay(new Date("2026-11-04T00:15:00.000Z"), 15)).toBe("2026-11-03");
    expect(lastSealableDay(new Date("2026-11-04T00:00:00.000Z"), 0)).toBe("2026-11-03");
  });

  it("gives a month's first and last day", () => {
    expect(monthDays("2026-11")).toEqual({ first: "2026-11-01", last: "2026-11-30" });
    expect(monthDays("2028-02")).toEqual({ first: "2028-02-01", last: "2028-02-29" });
    expect(monthDays("2026-13")).toBeNull();
    expect(monthDays("2026-1")).toBeNull();
  });
});
