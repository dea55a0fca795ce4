import { describe, expect, it } from "vitest";
import { proposeCredit } from "./credit";
import { evaluateMonth, platformMonth, type EvaluateMonthInput, type SlaTargets } from "./evaluate-month";
import type { Observation } from "./failure-minutes";
import { addLatency, emptyLatencyDay } from "./latency";
import { CONTRACT_TARGETS } from "./contract-targets";
import { at, minutesFrom, MONTH, sample, samplesFor } from "./sla-rules-test-helpers";

// The contract's targets (seed 002 appendix B; their figures are held by sla-targets.test.ts).
const TARGETS: SlaTargets = CONTRACT_TARGETS;
const MONTH_MINUTES = (MONTH.end - MONTH.start) / 60_000;

/** A month of good samples from both probes, with the given minutes [from, from + count) failing. */
function month(outages: { from: number; count: number; probes: ("smtp_mx" | "network")[] }[]): Observation[] {
  const failing = (probe: string, m: number) => outages.some((o) => o.probes.includes(probe as "smtp_mx") && m >= o.from && m < o.from + o.count);
  return (["smtp_mx", "network"] as const).flatMap((probe) =>
    Array.from({ length: MONTH_MINUTES }, (_, m) => sample({ at: at(m, 5), probe, ok: !failing(probe, m) })),
  );
}

const input = (overrides: Partial<EvaluateMonthInput>): EvaluateMonthInput => ({
  tenantId: "t1",
  bounds: MONTH,
  observations: [],
  activeMailboxes: 20,
  maintenance: [],
  incidents: [],
  noticeHours: 24,
  now: MONTH.end + 3_600_000,
  latency: { send: [], receive: [] },
  labelled: [],
  targets: TARGETS,
  ...overrides,
});

describe("evaluateMonth", () => {
  it("a month without samples has no evidence, never 100 %", () => {
    const e = evaluateMonth(input({}));
    expect(e.status).toBe("no_evidence");
    expect(e.breached).toEqual([]);
    expect(e.creditableMinutes).toEqual([]);
    expect(Object.values(e.promises).every((p) => p.met === null)).toBe(true);
  });

  it("44 failure minutes meet the month", () => {
    const e = evaluateMonth(input({ observations: month([{ from: 100, count: 44, probes: ["smtp_mx"] }]) }));
    expect(e.status).toBe("met");
    expect(e.promises.availability).toMatchObject({ failureMinutes: 44, met: true });
    expect(e.promises.power.met).toBe(true);
    expect(e.promises.sendLatency.met).toBeNull();
    expect(e.interruptionMinutes).toHaveLength(44);
    expect(e.creditableMinutes).toEqual([]);
  });

  it("one 50-minute outage missing availability and connectivity: one credit of twice the union", () => {
    const e = evaluateMonth(input({ observations: month([{ from: 100, count: 50, probes: ["smtp_mx", "network"] }]) }));
    expect(e.status).toBe("breached");
    expect(e.breached).toEqual(["availability", "connectivity"]);
    expect(e.creditableMinutes).toEqual(minutesFrom(100, 50));
    const credit = proposeCredit({ failureMinutes: e.creditableMinutes.length, monthFee: 30_000n, feesPaid: 30_000n });
    expect(credit.creditMinutes).toBe(100);
    expect(credit.amount).toBe(69n);
  });

  it("minutes inside maintenance announced 24 h ahead, and force majeure, are not counted", () => {
    const observations = month([{ from: 1000, count: 60, probes: ["smtp_mx"] }]);
    const maintenance = [{ id: "m1", startsAt: at(1000), endsAt: at(1030), announcedAt: at(1000) - 24 * 3_600_000, status: "scheduled" as const }];
    const incidents = [{ startsAt: at(1050), endsAt: at(1060), kind: "outage" as const, cause: "force_majeure" as const, tenantId: null }];
    const e = evaluateMonth(input({ observations, maintenance, incidents }));
    expect(e.failureMinutes.availability).toEqual(minutesFrom(1030, 20));
    expect(e.exclusions.map((x) => x.why)).toEqual(["maintenance", "force_majeure"]);
    expect(e.status).toBe("met");
    // Announced 23 h ahead: its 30 minutes count again, 50 in all, a breach.
    const late = [{ ...maintenance[0]!, announcedAt: at(1000) - 23 * 3_600_000 }];
    expect(evaluateMonth(input({ observations, maintenance: late, incidents })).breached).toEqual(["availability"]);
  });

  it("tenant-scoped failures count at 10 % of active mailboxes; other tenants' do not", () => {
    const tenantFailures = (tenantId: string, affected: number) => samplesFor(200, 45, false, "pop3", { tenantId, affected });
    const base = month([]);
    expect(evaluateMonth(input({ observations: [...base, ...tenantFailures("t1", 2)] })).breached).toEqual(["availability"]);
    expect(evaluateMonth(input({ observations: [...base, ...tenantFailures("t1", 1)] })).status).toBe("met");
    expect(evaluateMonth(input({ observations: [...base, ...tenantFailures("t2", 20)] })).status).toBe("met");
  });

  it("the platform-wide part computed once gives the same month as computing it per tenant", () => {
    const platformObs = month([{ from: 100, count: 30, probes: ["smtp_mx"] }, { from: 120, count: 30, probes: ["network"] }]);
    const own = samplesFor(500, 20, false, "pop3", { tenantId: "t1", affected: 5 });
    const whole = evaluateMonth(input({ observations: [...platformObs, ...own] }));
    const shared = evaluateMonth(input({ observations: own, platform: platformMonth(platformObs, MONTH) }));
    expect(shared).toEqual(whole);
    expect(shared.interruptionMinutes).toHaveLength(70);
  });

  it("power: 265 s is a breach, credited with every minute it touched", () => {
    const incidents = [{ startsAt: at(300), endsAt: at(300) + 265_000, kind: "power" as const, cause: "platform" as const, tenantId: null }];
    const e = evaluateMonth(input({ observations: month([]), incidents }));
    expect(e.breached).toEqual(["power"]);
    expect(e.promises.power).toMatchObject({ failureSeconds: 265, met: false });
    expect(e.creditableMinutes).toEqual(minutesFrom(300, 5));
    const ok = [{ ...incidents[0]!, endsAt: at(300) + 264_000 }];
    expect(evaluateMonth(input({ observations: month([]), incidents: ok })).status).toBe("met");
  });

  it("a power cut recorded in a month the probes could not see is still evidence", () => {
    const incidents = [{ startsAt: at(0), endsAt: at(60), kind: "power" as const, cause: "platform" as const, tenantId: null }];
    const e = evaluateMonth(input({ incidents }));
    expect(e.status).toBe("breached");
    expect(e.creditableMinutes).toHaveLength(60);
  });

  it("latency and filtering misses are breaches but not credited", () => {
    const slow = addLatency(emptyLatencyDay(), 3_600_001);
    const e = evaluateMonth(input({ latency: { send: [slow], receive: [] }, labelled: [{ label: "ham", verdict: "rejected" }] }));
    expect(e.status).toBe("breached");
    expect(e.breached).toEqual(["sendLatency", "falsePositive"]);
    expect(e.creditableMinutes).toEqual([]);
  });

  it("refuses bad counts", () => {
    expect(() => evaluateMonth(input({ activeMailboxes: -1 }))).toThrow(/activeMailboxes/);
    expect(() => evaluateMonth(input({ noticeHours: 1.5 }))).toThrow(/noticeHours/);
  });
});
