import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Worker } from "bullmq";
import { waitFor } from "@/server/audit/audit-test-fixtures";
import { insertLines } from "@/server/mail/log/mail-log-test-fixtures";
import { setClock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { enqueue, getQueue, queueDefs } from "@/server/shared/queues";
import { insertSamples } from "@/server/sla/evidence/sample-test-fixtures";
import { registerSlaMaintenance, SLA_MAINTENANCE_SCHEDULES, startSlaMaintenanceWorker } from "@/workers/sla-maintenance.worker";
import { runSlaDaily, runSlaTick } from "./sla-maintenance";

// The maintenance job at 2026-11-10 00:25 UTC: the current and previous hour rolled up, the two
// finished days rolled up and sealed (the 10th is not finished), today's latency so far; then
// the daily run and the worker that runs both from their schedulers.

const NOW = new Date("2026-11-10T00:25:00.000Z");
const at = (iso: string) => new Date(iso);
let restoreClock: () => void;
let worker: Worker | null = null;

beforeAll(async () => {
  restoreClock = setClock(NOW);
  await insertSamples([
    { at: at("2026-11-08T12:00:00Z") },
    { at: at("2026-11-09T23:30:00Z"), ok: false, latencyMs: null, error: "timeout" },
    { at: at("2026-11-10T00:10:00Z"), latencyMs: 250 },
  ]);
  await insertLines([
    { tenantId: "t-1", direction: "inbound", receivedAt: at("2026-11-05T08:00:00Z"), latencyMs: 1500 },
    { tenantId: "t-1", direction: "inbound", receivedAt: at("2026-11-09T08:00:00Z"), latencyMs: 800 },
    { tenantId: "t-1", direction: "outbound", receivedAt: at("2026-11-10T00:01:00Z"), latencyMs: 30_000 },
  ]);
});
afterAll(async () => {
  await worker?.close();
  restoreClock();
});

const rollupKeys = async () => (await db.probeRollup.findMany({ orderBy: [{ grain: "asc" }, { start: "asc" }] })).map((r) => `${r.grain} ${r.start.toISOString()} ${r.samples}/${r.failures}`);
const latencyDays = async () => (await db.latencyRollup.findMany({ orderBy: { day: "asc" } })).map((r) => `${r.day.toISOString().slice(0, 10)} ${r.direction} ${r.messages}`);

describe("SLA maintenance", () => {
  it("tick: rolls up the last two hours, rolls up and seals each finished day, and today's latency so far", async () => {
    const tick = await runSlaTick();
    expect(tick).toEqual({ hours: { from: at("2026-11-09T23:00:00Z"), to: at("2026-11-10T01:00:00Z") }, daysSealed: ["2026-11-08", "2026-11-09"], today: "2026-11-10" });
    expect(await rollupKeys()).toEqual([
      "day 2026-11-08T00:00:00.000Z 1/0",
      "day 2026-11-09T00:00:00.000Z 1/1",
      "hour 2026-11-08T12:00:00.000Z 1/0",
      "hour 2026-11-09T23:00:00.000Z 1/1",
      "hour 2026-11-10T00:00:00.000Z 1/0",
    ]);
    expect((await db.sampleDigest.findMany({ orderBy: { day: "asc" } })).map((d) => [d.day.toISOString().slice(0, 10), d.samples])).toEqual([
      ["2026-11-08", 1],
      ["2026-11-09", 1],
    ]);
    expect(await latencyDays()).toEqual(["2026-11-09 inbound 1", "2026-11-10 outbound 1"]);
  });

  it("tick again: nothing new to seal, the same roll-ups", async () => {
    const before = await rollupKeys();
    expect((await runSlaTick()).daysSealed).toEqual([]);
    expect(await rollupKeys()).toEqual(before);
    expect(await db.sampleDigest.count()).toBe(2);
  });

  it("daily: rolls the last six days' latency up again (late first attempts) and runs retention", async () => {
    const daily = await runSlaDaily();
    expect(daily.latencyDays).toEqual(["2026-11-04", "2026-11-05", "2026-11-06", "2026-11-07", "2026-11-08", "2026-11-09"]);
    expect(daily.retention).toMatchObject({ cutoffDay: "2026-08-12", samplesDeleted: 0 });
    expect(await latencyDays()).toEqual(["2026-11-05 inbound 1", "2026-11-09 inbound 1", "2026-11-10 outbound 1"]);
  });

  it("registers the three schedulers under ids without ':'", async () => {
    await registerSlaMaintenance();
    const queue = getQueue("slaMaintenance");
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers.map((s) => [s.key, s.pattern]).sort()).toEqual([
      ["sla-maintenance-daily", "50 1 * * *"],
      ["sla-maintenance-tick", "*/10 * * * *"],
      ["sla-month-close", "0 3 1,2 * *"],
    ]);
    for (const { id } of Object.values(SLA_MAINTENANCE_SCHEDULES)) {
      expect(id).not.toContain(":");
      await queue.removeJobScheduler(id);
    }
  });

  it("runs a tick when its job comes, and fails a job with a bad payload without retrying it", async () => {
    worker = startSlaMaintenanceWorker({ schedule: false });
    await enqueue("slaMaintenance", { task: "tick" }, "sla-maintenance-test");
    await waitFor(async () => ((await getQueue("slaMaintenance").getJobState("sla-maintenance-test")) === "completed" ? true : undefined));
    const done = (await getQueue("slaMaintenance").getJob("sla-maintenance-test"))!;
    expect((done.returnvalue as { today: string }).today).toBe("2026-11-10");

    await getQueue("slaMaintenance").add(queueDefs.slaMaintenance.name, { task: "weekly" } as never, { jobId: "sla-maintenance-bad", attempts: 3 });
    // "failed" at once, not "delayed" for a retry: the payload can never become valid.
    await waitFor(async () => ((await getQueue("slaMaintenance").getJobState("sla-maintenance-bad")) === "failed" ? true : undefined));
    const failed = (await getQueue("slaMaintenance").getJob("sla-maintenance-bad"))!;
    expect(failed.failedReason).toMatch(/invalid sla-maintenance payload/);
  });
});
