import { afterEach, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import type { Worker } from "bullmq";
import { db } from "@/server/shared/db";
import { enqueue, getQueue } from "@/server/shared/queues";
import { waitFor } from "@/server/audit/audit-test-fixtures";
import { registerBillingTickSchedules, startBillingRunWorker, startBillingTickWorker } from "@/workers/billing.worker";
import { requestBillingRun } from "./request-billing-run";
import { chargeCountsFor, clockAt, createBilledTenants, operatorActor, resetClock, retireAllTenants } from "./run-test-fixtures";

// The BullMQ side: a run queued by an operator or the hourly tick is executed by the worker, and
// a run a shutdown interrupted is resumed by the job's retry.

const workers: Worker[] = [];
const start = (w: Worker) => (workers.push(w), w);
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.close()));
  resetClock();
  await retireAllTenants();
});

const runDone = (runId: string) => waitFor(async () => {
  const run = await db.billingRun.findUnique({ where: { id: runId } });
  return run?.status === "done" ? run : undefined;
});

describe("billing workers", () => {
  it("executes a run an operator started", async () => {
    clockAt("2026-11-10T04:00:00Z");
    const tenants = await createBilledTenants(5, "2026-06");
    start(startBillingRunWorker({ chunkSize: 2 }));
    const { run } = await requestBillingRun(operatorActor, { month: "2026-11", idempotencyKey: randomUUID() });
    expect(await runDone(run.id)).toMatchObject({ processed: 5, charged: 5 });
    const counts = await chargeCountsFor("2026-11");
    expect(tenants.map((t) => counts.get(t.tenant.id))).toEqual([1, 1, 1, 1, 1]);
    expect((await getQueue("billingRun").getJob(run.id))?.progress).toBe(100);
  });

  it("starts the month's run from the monthly_run tick", async () => {
    clockAt("2026-10-10T04:00:00Z");
    await createBilledTenants(3, "2026-06");
    start(startBillingTickWorker({ schedule: false }));
    start(startBillingRunWorker());
    await enqueue("billingTick", { task: "monthly_run" }, `tick-${randomUUID()}`);
    const run = await waitFor(async () => (await db.billingRun.findFirst({ where: { month: "2026-10", trigger: "schedule", status: "done" } })) ?? undefined);
    expect(run).toMatchObject({ charged: 3 });
  });

  it("registers the hourly tick at minute 5", async () => {
    expect(await registerBillingTickSchedules()).toContain("monthly_run");
    const schedulers = await getQueue("billingTick").getJobSchedulers();
    expect(schedulers.find((s) => s.key === "billing-tick:monthly_run" || s.id === "billing-tick:monthly_run")).toMatchObject({ pattern: "5 * * * *" });
    await getQueue("billingTick").removeJobScheduler("billing-tick:monthly_run");
  });

  it("stops a run between chunks on shutdown; the job's retry resumes it from the cursor", async () => {
    clockAt("2026-09-10T04:00:00Z");
    const tenants = await createBilledTenants(12, "2026-06");
    const first = startBillingRunWorker({ chunkSize: 1 });
    const { run } = await requestBillingRun(operatorActor, { month: "2026-09", idempotencyKey: randomUUID() });
    await waitFor(async () => ((await db.billingRun.findUnique({ where: { id: run.id } }))!.processed >= 1 ? true : undefined), 15_000, 5);
    await first.close();
    const stopped = await db.billingRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(stopped.status).toBe("failed");
    expect(stopped.processed).toBeLessThan(12);
    expect(stopped.error).toMatch(/^Interrupted after \d+ of 12 tenants/);

    start(startBillingRunWorker({ chunkSize: 5 }));
    expect(await runDone(run.id)).toMatchObject({ processed: 12, charged: 12, error: null });
    const counts = await chargeCountsFor("2026-09");
    expect(tenants.map((t) => counts.get(t.tenant.id))).toEqual(Array(12).fill(1));
  });
});
