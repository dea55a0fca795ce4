import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/server/shared/db";
import { executeBillingRun } from "./execute-billing-run";
import { startBillingRun, STALE_HEARTBEAT_MS } from "./start-billing-run";
import { countCandidates, dueTimeZones } from "./run-candidates";
import { appendLedgerEntry } from "../ledger/append-ledger-entry";
import { lockTenant } from "../ledger/lock-tenant";
import { moneyTransaction } from "../ledger/money-transaction";
import { chargeCountsFor, clockAt, createBilledTenants, resetClock, retireAllTenants, runMonth } from "./run-test-fixtures";

// Done-when of issue 4: "20 parallel run retries → exactly one entry each", and a crashed run
// resumes from its cursor without charging anyone twice.

const NOW = "2026-11-10T04:00:00Z";
const MONTH = "2026-11";
const TENANTS = 25;
const CHUNK = 4;

afterEach(async () => {
  resetClock();
  await retireAllTenants();
});

async function expectOneChargeEach(tenantIds: string[]) {
  const counts = await chargeCountsFor(MONTH);
  expect(tenantIds.map((id) => counts.get(id) ?? 0)).toEqual(tenantIds.map(() => 1));
  expect(await db.ledgerEntry.count({ where: { kind: "monthly_charge", billingMonth: MONTH, tenantId: { in: tenantIds } } })).toBe(tenantIds.length);
}

describe("parallel runs", () => {
  it("20 parallel start + execute of the same month make one run and one charge per tenant", async () => {
    clockAt(NOW);
    const ids = (await createBilledTenants(TENANTS, "2026-06")).map((t) => t.tenant.id);
    const results = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const { run } = await startBillingRun({ month: MONTH, trigger: "test" });
        return executeBillingRun(run.id, { chunkSize: CHUNK });
      }),
    );
    expect(new Set(results.map((r) => r.run.id)).size).toBe(1);
    expect(await db.billingRun.count({ where: { month: MONTH } })).toBe(1);
    await expectOneChargeEach(ids);
    const run = await db.billingRun.findUniqueOrThrow({ where: { id: results[0]!.run.id } });
    expect(run).toMatchObject({ status: "done", tenantsTotal: TENANTS, processed: TENANTS, charged: TENANTS, chargedAmount: BigInt(TENANTS * 8_333), skipped: 0 });
  });

  it("20 parallel executions of one run share its chunks and count each tenant once", async () => {
    clockAt(NOW);
    const ids = (await createBilledTenants(TENANTS, "2026-06")).map((t) => t.tenant.id);
    const { run } = await startBillingRun({ month: MONTH, trigger: "test" });
    await Promise.all(Array.from({ length: 20 }, () => executeBillingRun(run.id, { chunkSize: CHUNK })));
    await expectOneChargeEach(ids);
    expect(await db.billingRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ status: "done", processed: TENANTS, charged: TENANTS, skipped: 0 });
  });

  it("20 separate runs of one month racing each other still charge each tenant once", async () => {
    clockAt(NOW);
    const ids = (await createBilledTenants(TENANTS, "2026-06")).map((t) => t.tenant.id);
    const total = await countCandidates(MONTH, await dueTimeZones(MONTH, new Date(NOW)));
    // Created directly: startBillingRun would (rightly) hand all twenty the same run.
    const runs = await Promise.all(Array.from({ length: 20 }, () => db.billingRun.create({ data: { month: MONTH, trigger: "test", tenantsTotal: total } })));
    await Promise.all(runs.map((r) => executeBillingRun(r.id, { chunkSize: CHUNK })));
    await expectOneChargeEach(ids);
    const after = await db.billingRun.findMany({ where: { id: { in: runs.map((r) => r.id) } } });
    expect(after.every((r) => r.status === "done" && r.processed === TENANTS)).toBe(true);
    expect(after.reduce((sum, r) => sum + r.charged, 0)).toBe(TENANTS);
    expect(after.reduce((sum, r) => sum + r.skipped, 0)).toBe(19 * TENANTS);
  });
});

describe("crash and resume", () => {
  it("resumes a run stopped after its first chunk from the cursor, charging the rest once", async () => {
    clockAt(NOW);
    const ids = (await createBilledTenants(10, "2026-06")).map((t) => t.tenant.id);
    const { run } = await startBillingRun({ month: MONTH, trigger: "test" });
    const paused = await executeBillingRun(run.id, { chunkSize: 3, maxChunks: 1 });
    expect(paused).toMatchObject({ outcome: "paused", run: { status: "running", processed: 3, charged: 3, progress: 30 } });
    const counts = await chargeCountsFor(MONTH);
    expect(ids.filter((id) => counts.has(id))).toHaveLength(3);

    // Its executor "died": while the heartbeat is fresh the run counts as in progress, then as resumable.
    expect(await startBillingRun({ month: MONTH, trigger: "test" })).toMatchObject({ outcome: "running", run: { id: run.id } });
    clockAt(new Date(Date.parse(NOW) + STALE_HEARTBEAT_MS + 1_000).toISOString());
    const resumed = await startBillingRun({ month: MONTH, trigger: "test" });
    expect(resumed).toMatchObject({ outcome: "resumed", run: { id: run.id, processed: 3 } });
    const done = await executeBillingRun(run.id, { chunkSize: 3 });
    expect(done.run).toMatchObject({ status: "done", processed: 10, charged: 10, skipped: 0 });
    await expectOneChargeEach(ids);
  });

  it("stops between chunks when aborted, marks the run failed with a resumable message, and resumes", async () => {
    clockAt(NOW);
    const ids = (await createBilledTenants(10, "2026-06")).map((t) => t.tenant.id);
    const { run } = await startBillingRun({ month: MONTH, trigger: "test" });
    const stop = new AbortController();
    const aborted = await executeBillingRun(run.id, { chunkSize: 3, signal: stop.signal, onProgress: () => stop.abort() });
    expect(aborted.outcome).toBe("aborted");
    expect(aborted.run).toMatchObject({ status: "failed", processed: 3, error: "Interrupted after 3 of 10 tenants; start the run for 2026-11 again to resume" });
    expect(await startBillingRun({ month: MONTH, trigger: "test" })).toMatchObject({ outcome: "resumed", run: { id: run.id } });
    expect((await executeBillingRun(run.id, { chunkSize: 3 })).run).toMatchObject({ status: "done", processed: 10, charged: 10, error: null });
    await expectOneChargeEach(ids);
  });

  it("rolls a failing chunk back whole, records the error, and resumes once the data is fixed", async () => {
    clockAt(NOW);
    const tenants = await createBilledTenants(6, "2026-06");
    const sorted = [...tenants].sort((a, b) => (a.tenant.id < b.tenant.id ? -1 : 1));
    // The fifth tenant's yearly fee overflows: its chunk (tenants 4–6 with chunks of 3) fails.
    await db.subscription.update({ where: { id: sorted[4]!.subscription.id }, data: { seats: 1_000_000_000, pricePerSeatYear: 1_000_000_000 } });
    const { run } = await startBillingRun({ month: MONTH, trigger: "test" });
    await expect(executeBillingRun(run.id, { chunkSize: 3 })).rejects.toThrow(/overflows/);
    const failed = await db.billingRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(failed).toMatchObject({ status: "failed", processed: 3, charged: 3 });
    expect(failed.error).toMatch(/overflows/);
    const counts = await chargeCountsFor(MONTH);
    expect(sorted.map((t) => counts.get(t.tenant.id) ?? 0)).toEqual([1, 1, 1, 0, 0, 0]);

    await db.subscription.update({ where: { id: sorted[4]!.subscription.id }, data: { seats: 5, pricePerSeatYear: 20_000 } });
    expect((await startBillingRun({ month: MONTH, trigger: "test" })).outcome).toBe("resumed");
    expect((await executeBillingRun(run.id, { chunkSize: 3 })).run).toMatchObject({ status: "done", processed: 6, charged: 6, error: null });
    await expectOneChargeEach(sorted.map((t) => t.tenant.id));
  });

  it("waits for a payment in flight for the same tenant and then charges instead of suspending", async () => {
    clockAt(NOW);
    const [t] = await createBilledTenants(1, "2026-06", 100); // cannot pay 8,333 on its own
    let paymentLocked!: () => void;
    let releasePayment!: () => void;
    const locked = new Promise<void>((r) => (paymentLocked = r));
    const released = new Promise<void>((r) => (releasePayment = r));
    const payment = moneyTransaction(async (tx) => {
      await lockTenant(tx, t!.tenant.id);
      await appendLedgerEntry(tx, { tenantId: t!.tenant.id, kind: "payment", amount: 100_000, currency: "CNY", idempotencyKey: "late-payment" });
      paymentLocked();
      await released;
    });
    await locked;
    const run = runMonth(MONTH, { chunkSize: CHUNK });
    await new Promise((r) => setTimeout(r, 300)); // the run's chunk is now waiting for the tenant's lock
    releasePayment();
    await payment;
    expect((await run).run).toMatchObject({ charged: 1, suspended: 0 });
    expect((await db.tenant.findUniqueOrThrow({ where: { id: t!.tenant.id } })).status).toBe("active");
  });
});
