import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setClock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { DomainError } from "@/server/shared/errors";
import { resetEnvCache } from "@/server/shared/env";
import { dayEnd, dayStart } from "@/server/sla/evidence/utc-days";
import { insertSamples } from "@/server/sla/evidence/sample-test-fixtures";
import { sealDay } from "@/server/sla/evidence/seal-day";
import { verifyChain } from "@/server/sla/evidence/verify-chain";
import { rollupProbeDay } from "./rollup-probes";
import { purgeOldSamples } from "./sample-retention";
import { runSlaTick } from "./sla-maintenance";

// Retention with short periods (3 days of samples, 32 of roll-ups) at 2026-11-06 02:00 UTC:
// samples before 2026-11-03 may go, but only from sealed days whose roll-ups hold them; the
// chain still verifies afterwards, the deleted days checked for continuity only.

const NOW = new Date("2026-11-06T02:00:00.000Z");
const at = (iso: string) => new Date(iso);
const days = ["2026-11-01", "2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05"];
let restoreClock: () => void;

beforeAll(async () => {
  process.env.SLA_SAMPLE_RETENTION_DAYS = "3";
  process.env.SLA_ROLLUP_RETENTION_DAYS = "32";
  resetEnvCache();
  restoreClock = setClock(NOW);
  // Three samples a day, one of them failed.
  await insertSamples(days.flatMap((d) => [{ at: at(`${d}T01:00:00Z`) }, { at: at(`${d}T13:00:00Z`), ok: false, latencyMs: null, error: "timeout" }, { at: at(`${d}T23:00:00Z`) }]));
});
afterAll(() => {
  restoreClock();
  delete process.env.SLA_SAMPLE_RETENTION_DAYS;
  delete process.env.SLA_ROLLUP_RETENTION_DAYS;
  resetEnvCache();
});

const samplesOn = (day: string) => db.probeSample.count({ where: { at: { gte: dayStart(day), lt: dayEnd(day) } } });
const dailyRollup = (day: string) => db.probeRollup.findFirst({ where: { grain: "day", start: at(`${day}T00:00:00Z`) } });

describe("sample retention", () => {
  it("deletes only sealed days, rolling a day up first when its roll-ups do not hold all its samples", async () => {
    await sealDay("2026-11-01"); // sealed by hand: no roll-ups yet
    const first = await purgeOldSamples({ batchSize: 2 });
    expect(first).toMatchObject({ cutoffDay: "2026-11-03", days: ["2026-11-01"], samplesDeleted: 3 });
    expect(await samplesOn("2026-11-01")).toBe(0);
    expect(await dailyRollup("2026-11-01")).toMatchObject({ samples: 3, failures: 1, failedMinutes: 1 });
    expect(await db.probeRollup.aggregate({ where: { grain: "hour", start: { gte: at("2026-11-01T00:00:00Z"), lt: at("2026-11-02T00:00:00Z") } }, _sum: { samples: true } })).toMatchObject({ _sum: { samples: 3 } });
    expect(await samplesOn("2026-11-02")).toBe(3); // past the cutoff but not sealed
  });

  it("deletes the rest once the tick has rolled up and sealed them, keeping the days inside the period", async () => {
    const tick = await runSlaTick();
    expect(tick.daysSealed).toEqual(["2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05"]);
    const second = await purgeOldSamples();
    expect(second).toMatchObject({ days: ["2026-11-02"], samplesDeleted: 3 });
    expect(await Promise.all(days.map(samplesOn))).toEqual([0, 0, 3, 3, 3]);
    expect((await purgeOldSamples()).samplesDeleted).toBe(0);
  });

  it("verifies the chain afterwards: the deleted days for continuity, the others in full", async () => {
    const result = await verifyChain();
    expect(result.firstBad).toBeNull();
    expect(result.checked.map((c) => `${c.day} ${c.verdict}`)).toEqual(["2026-11-01 retained", "2026-11-02 retained", "2026-11-03 ok", "2026-11-04 ok", "2026-11-05 ok"]);
  });

  it("keeps a purged day's roll-ups: rolling it up again is refused", async () => {
    const e = await rollupProbeDay("2026-11-01").catch((err: unknown) => err);
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe("PRECONDITION_FAILED");
    expect(await dailyRollup("2026-11-01")).toMatchObject({ samples: 3 });
  });

  it("still names a day inside the period whose samples were deleted by someone else", async () => {
    await db.$executeRaw`DELETE FROM ProbeSample WHERE at >= '2026-11-04' AND at < '2026-11-05'`;
    expect((await verifyChain()).firstBad).toMatchObject({ day: "2026-11-04", verdict: "count differs", samples: 0, sealedSamples: 3 });
  });

  it("deletes roll-ups older than their period, and keeps the day at the edge", async () => {
    const row = { probe: "smtp_mx" as const, target: "t", location: "bj-1", grain: "day", samples: 1, failures: 0, failedMinutes: 0, latencySumMs: 1n, latencyMaxMs: 1 };
    await db.probeRollup.createMany({ data: [{ ...row, start: at("2026-10-04T00:00:00Z") }, { ...row, start: at("2026-10-04T23:00:00Z"), grain: "hour" }, { ...row, start: at("2026-10-05T00:00:00Z") }] });
    const latency = { tenantId: "t-1", direction: "inbound" as const, messages: 1, sumMs: 1n, maxMs: 1, overHour: 0, histogram: [1, 0, 0, 0, 0, 0, 0, 0, 0] };
    await db.latencyRollup.createMany({ data: [{ ...latency, day: at("2026-10-04T00:00:00Z") }, { ...latency, day: at("2026-10-05T00:00:00Z") }] });
    const outcome = await purgeOldSamples({ batchSize: 1 });
    expect(outcome).toMatchObject({ rollupCutoffDay: "2026-10-05", probeRollupsDeleted: 2, latencyRollupsDeleted: 1 });
    expect(await db.probeRollup.count({ where: { start: { lt: at("2026-10-06T00:00:00Z") } } })).toBe(1);
    expect((await db.latencyRollup.findMany()).map((r) => r.day.toISOString())).toEqual(["2026-10-05T00:00:00.000Z"]);
  });
});
