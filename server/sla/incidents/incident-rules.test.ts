import { describe, expect, it } from "vitest";
import { incidentProblems, type IncidentFields } from "./incident-rules";

const NOW = new Date("2026-12-10T00:00:00Z");
const base: IncidentFields = {
  cause: "platform",
  reason: null,
  summary: "Mail store unreachable",
  startsAt: new Date("2026-12-09T10:00:00Z"),
  endsAt: new Date("2026-12-09T10:50:00Z"),
  tenantId: null,
};
const fieldsOf = (more: Partial<IncidentFields>) => Object.keys(incidentProblems({ ...base, ...more }, NOW)).sort();

describe("incidentProblems", () => {
  it("accepts a platform incident without a reason, closed or still open", () => {
    expect(incidentProblems(base, NOW)).toEqual({});
    expect(incidentProblems({ ...base, endsAt: null }, NOW)).toEqual({});
    expect(incidentProblems({ ...base, endsAt: NOW, startsAt: NOW }, NOW)).not.toEqual({});
  });

  it("requires a reason of 5 to 500 characters for every cause but the platform", () => {
    for (const cause of ["force_majeure", "third_party", "customer"] as const) {
      expect(fieldsOf({ cause, tenantId: "t1" })).toEqual(["reason"]);
      expect(fieldsOf({ cause, tenantId: "t1", reason: "   " })).toEqual(["reason"]);
      expect(fieldsOf({ cause, tenantId: "t1", reason: "x".repeat(501) })).toEqual(["reason"]);
      expect(fieldsOf({ cause, tenantId: "t1", reason: "Typhoon cut the data centre's grid" })).toEqual([]);
    }
    expect(incidentProblems({ ...base, cause: "third_party" }, NOW).reason?.[0]?.en).toBe(
      "A cause other than the platform excludes these minutes from the SLA: give the reason in 5 to 500 characters",
    );
  });

  it("holds an optional platform reason to the same length", () => {
    expect(fieldsOf({ reason: "abc" })).toEqual(["reason"]);
    expect(fieldsOf({ reason: "Disk controller failed" })).toEqual([]);
  });

  it("requires a customer cause to name the customer", () => {
    expect(fieldsOf({ cause: "customer", reason: "Their MX points elsewhere" })).toEqual(["tenantId"]);
    expect(incidentProblems({ ...base, cause: "customer", reason: "Their MX points elsewhere" }, NOW).tenantId?.[0]?.en).toMatch(/must name the customer/);
  });

  it("requires a summary of 5 to 500 characters", () => {
    expect(fieldsOf({ summary: "down" })).toEqual(["summary"]);
    expect(fieldsOf({ summary: "x".repeat(501) })).toEqual(["summary"]);
  });

  it("refuses a start in the future, an end not after the start and an end in the future", () => {
    expect(fieldsOf({ startsAt: new Date("2026-12-10T00:00:00.001Z"), endsAt: null })).toEqual(["startsAt"]);
    expect(fieldsOf({ endsAt: base.startsAt })).toEqual(["endsAt"]);
    expect(fieldsOf({ endsAt: new Date("2026-12-09T09:00:00Z") })).toEqual(["endsAt"]);
    expect(fieldsOf({ endsAt: new Date("2026-12-10T00:00:00.001Z") })).toEqual(["endsAt"]);
    expect(fieldsOf({ endsAt: NOW })).toEqual([]);
    expect(incidentProblems({ ...base, endsAt: new Date("2026-12-11T00:00:00Z") }, NOW).endsAt?.[0]).toEqual({
      en: "The end cannot be in the future: leave it empty while the incident lasts",
      "zh-CN": "结束时间不能在将来：事件仍在持续时请留空",
    });
  });
});
