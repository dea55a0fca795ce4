import { describe, expect, it } from "vitest";
import { announcedInTime, cancelledTitle, lateNotice, maintenanceProblems, maintenanceTitle } from "./maintenance-rules";

const NOW = new Date("2026-12-01T00:00:00Z");
const at = (iso: string) => new Date(iso);
const window = (startsAt: string, endsAt: string, description = "Database upgrade") => ({ startsAt: at(startsAt), endsAt: at(endsAt), description });
const en = (errors: ReturnType<typeof maintenanceProblems>) => Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, v.map((t) => t.en)]));

describe("maintenanceProblems", () => {
  it("accepts a future window of up to 24 hours", () => {
    expect(maintenanceProblems(window("2026-12-04T18:00:00Z", "2026-12-04T20:00:00Z"), NOW)).toEqual({});
    expect(maintenanceProblems(window("2026-12-04T18:00:00Z", "2026-12-05T18:00:00Z"), NOW)).toEqual({});
    expect(maintenanceProblems(window("2026-12-01T00:00:00Z", "2026-12-01T00:00:00.001Z"), NOW)).toEqual({});
  });

  it("refuses a start in the past, an end not after the start and more than a day, each by field", () => {
    expect(en(maintenanceProblems(window("2026-11-30T23:59:59.999Z", "2026-12-01T01:00:00Z"), NOW))).toEqual({
      startsAt: ["The maintenance must start in the future: past minutes cannot be announced"],
    });
    expect(en(maintenanceProblems(window("2026-12-04T18:00:00Z", "2026-12-04T18:00:00Z"), NOW))).toEqual({ endsAt: ["The maintenance must end after it starts"] });
    expect(en(maintenanceProblems(window("2026-12-04T18:00:00Z", "2026-12-04T17:00:00Z"), NOW)).endsAt).toEqual(["The maintenance must end after it starts"]);
    expect(en(maintenanceProblems(window("2026-12-04T18:00:00Z", "2026-12-05T18:00:00.001Z"), NOW))).toEqual({
      endsAt: ["A maintenance window may last at most 24 hours: a longer interruption is an outage, recorded as an incident"],
    });
  });

  it("refuses a description shorter than 5 or longer than 500 characters (trimmed)", () => {
    for (const description of ["", "    ", "abcd", "  abcd  ", "x".repeat(501)]) {
      expect(Object.keys(maintenanceProblems(window("2026-12-04T18:00:00Z", "2026-12-04T20:00:00Z", description), NOW))).toEqual(["description"]);
    }
    expect(maintenanceProblems(window("2026-12-04T18:00:00Z", "2026-12-04T20:00:00Z", "x".repeat(500)), NOW)).toEqual({});
  });

  it("says each problem in Chinese too", () => {
    const errors = maintenanceProblems(window("2026-11-01T00:00:00Z", "2026-11-03T00:00:00Z", "x"), NOW);
    expect(errors.endsAt?.[0]?.["zh-CN"]).toBe("维护时长最多 24 小时：更长的中断属于故障，应记录为事件");
    expect(errors.description?.[0]?.["zh-CN"]).toMatch(/5 到 500/);
  });
});

describe("the notice rule (the same as the month close's exclusions)", () => {
  const w = (announcedAt: string) => ({ startsAt: at("2026-12-05T18:00:00Z"), endsAt: at("2026-12-05T20:00:00Z"), announcedAt: at(announcedAt) });

  it("excludes a window announced exactly 24 h ahead or earlier, not 1 ms later", () => {
    expect(announcedInTime(w("2026-12-04T18:00:00Z"), 24)).toBe(true);
    expect(announcedInTime(w("2026-12-01T00:00:00Z"), 24)).toBe(true);
    expect(announcedInTime(w("2026-12-04T18:00:00.001Z"), 24)).toBe(false);
    expect(announcedInTime(w("2026-12-05T15:00:00Z"), 2)).toBe(true);
  });

  it("warns of a late window with the hours it was announced ahead", () => {
    expect(lateNotice(w("2026-12-04T18:00:00Z"), 24)).toBeNull();
    expect(lateNotice(w("2026-12-05T15:00:00Z"), 24)).toEqual({
      en: "Announced 3 h ahead, less than the 24 h notice: its minutes count against the SLA",
      "zh-CN": "提前 3 小时公告，不足 24 小时：维护期间的时长计入 SLA",
    });
  });
});

describe("the announcement's title", () => {
  it("gives the window on Beijing time and says so", () => {
    expect(maintenanceTitle({ startsAt: at("2026-12-04T18:00:00Z"), endsAt: at("2026-12-04T20:00:00Z") })).toBe("计划维护 Scheduled maintenance 2026-12-05 02:00–04:00 (UTC+8)");
  });

  it("names the second day when the window crosses midnight in Shanghai", () => {
    expect(maintenanceTitle({ startsAt: at("2026-12-05T15:00:00Z"), endsAt: at("2026-12-05T17:30:00Z") })).toBe(
      "计划维护 Scheduled maintenance 2026-12-05 23:00–2026-12-06 01:30 (UTC+8)",
    );
  });

  it("writes midnight as 00:00", () => {
    expect(maintenanceTitle({ startsAt: at("2026-12-05T16:00:00Z"), endsAt: at("2026-12-05T18:00:00Z") })).toBe("计划维护 Scheduled maintenance 2026-12-06 00:00–02:00 (UTC+8)");
  });

  it("is prefixed once when cancelled", () => {
    const title = "计划维护 Scheduled maintenance 2026-12-05 02:00–04:00 (UTC+8)";
    expect(cancelledTitle(title)).toBe(`已取消 Cancelled: ${title}`);
    expect(cancelledTitle(cancelledTitle(title))).toBe(`已取消 Cancelled: ${title}`);
    expect(cancelledTitle("x".repeat(200))).toHaveLength(200);
  });
});
