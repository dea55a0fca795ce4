import { describe, expect, it } from "vitest";
import { excludedIntervals, powerInterruptionSeconds, type IncidentInput, type MaintenanceInput } from "./exclusions";
import { at, MONTH } from "./sla-rules-test-helpers";

const HOUR = 3_600_000;
const window = (announcedHoursAhead: number, status: MaintenanceInput["status"] = "scheduled"): MaintenanceInput => ({
  id: "m1",
  startsAt: at(600),
  endsAt: at(660),
  announcedAt: at(600) - announcedHoursAhead * HOUR,
  status,
});
const incident = (overrides: Partial<IncidentInput>): IncidentInput => ({
  startsAt: at(100),
  endsAt: at(130),
  kind: "outage",
  cause: "platform",
  tenantId: null,
  ...overrides,
});
const exclude = (maintenance: MaintenanceInput[], incidents: IncidentInput[] = [], now = MONTH.end) =>
  excludedIntervals({ maintenance, incidents, noticeHours: 24, tenantId: "t1", now });

describe("exclusions", () => {
  it("maintenance announced 24 h ahead is excluded, 23 h ahead is not", () => {
    expect(exclude([window(24)])).toEqual([{ interval: { start: at(600), end: at(660) }, why: "maintenance", source: "maintenance", id: "m1" }]);
    expect(exclude([window(23)])).toEqual([]);
    expect(exclude([window(23.99)])).toEqual([]);
  });

  it("cancelled maintenance is not excluded", () => {
    expect(exclude([window(48, "cancelled")])).toEqual([]);
  });

  it("force majeure, third party and customer incidents are excluded; platform ones are not", () => {
    const whys = exclude(
      [],
      [
        incident({ cause: "force_majeure" }),
        incident({ cause: "third_party", kind: "network" }),
        incident({ cause: "customer", tenantId: "t1" }),
        incident({ cause: "platform" }),
      ],
    ).map((e) => e.why);
    expect(whys.sort()).toEqual(["customer", "force_majeure", "third_party"]);
  });

  it("another tenant's incidents do not exclude this one's minutes; a platform-wide customer cause excludes nothing", () => {
    expect(exclude([], [incident({ cause: "customer", tenantId: "t2" }), incident({ cause: "third_party", tenantId: "t2" })])).toEqual([]);
    expect(exclude([], [incident({ cause: "customer", tenantId: null })])).toEqual([]);
    expect(exclude([], [incident({ cause: "third_party", tenantId: "t1" })])).toHaveLength(1);
  });

  it("an open incident runs to now", () => {
    expect(exclude([], [incident({ cause: "force_majeure", endsAt: null })], at(200))[0]!.interval).toEqual({ start: at(100), end: at(200) });
    expect(exclude([], [incident({ cause: "force_majeure", endsAt: null })], at(50))).toEqual([]);
  });
});

describe("power interruption seconds", () => {
  const power = (start: number, seconds: number, overrides: Partial<IncidentInput> = {}) =>
    incident({ kind: "power", startsAt: start, endsAt: start + seconds * 1000, ...overrides });

  it("sums platform-caused power incidents; overlaps count once", () => {
    expect(powerInterruptionSeconds([power(at(10), 200), power(at(12), 100)], MONTH, "t1")).toBe(220);
    expect(powerInterruptionSeconds([power(at(10), 264)], MONTH, "t1")).toBe(264);
  });

  it("ignores other causes, other kinds and other tenants; counts this tenant's", () => {
    const list = [
      power(at(10), 100, { cause: "force_majeure" }),
      incident({ startsAt: at(20), endsAt: at(30) }),
      power(at(40), 100, { tenantId: "t2" }),
      power(at(50), 30, { tenantId: "t1" }),
    ];
    expect(powerInterruptionSeconds(list, MONTH, "t1")).toBe(30);
  });

  it("clips to the month, rounds part seconds up, runs open ones to now, leaves out excluded time", () => {
    expect(powerInterruptionSeconds([power(MONTH.start - 100_000, 160)], MONTH, "t1")).toBe(60);
    expect(powerInterruptionSeconds([incident({ kind: "power", startsAt: at(0), endsAt: at(0) + 264_001 })], MONTH, "t1")).toBe(265);
    expect(powerInterruptionSeconds([power(at(0), 0, { endsAt: null })], MONTH, "t1", { now: at(2) })).toBe(120);
    expect(powerInterruptionSeconds([power(at(0), 600)], MONTH, "t1", { excluded: [{ start: at(2), end: at(20) }] })).toBe(120);
  });
});
