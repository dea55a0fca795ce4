import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/server/shared/db";
import { DomainError } from "@/server/shared/errors";
import { getQueue } from "@/server/shared/queues";
import { chargeKey } from "../subscriptions/charge-month";
import { executeBillingRun } from "./execute-billing-run";
import { scheduleBillingRun } from "./schedule-billing-run";
import { startBillingRun } from "./start-billing-run";
import { clockAt, createBilledTenant, createPlan, operatorActor, resetClock, retireAllTenants } from "./run-test-fixtures";
import { SUCCESSFUL_AUDITS } from "@/server/test/audit-counts";

afterEach(async () => {
  resetClock();
  await retireAllTenants();
});

const runCount = () => db.billingRun.count();

describe("starting a run", () => {
  it("refuses a bad or far-future month with a clear message and writes nothing", async () => {
    clockAt("2026-11-26T04:00:00Z");
    const before = { runs: await runCount(), audits: await db.auditEvent.count(SUCCESSFUL_AUDITS) };
    const cases: [unknown, string][] = [
      ["2026-13", '"2026-13" has no month 13: months run from 01 to 12'],
      ["abc", '"abc" is not a month: write it as YYYY-MM, e.g. 2026-12'],
      ["2099-01", "2099-01 is too far ahead: a run can be started at most one month ahead (2026-12 at the latest)"],
      [undefined, "Give the month to bill as YYYY-MM, e.g. 2026-12"],
    ];
    for (const [month, message] of cases) {
      const attempt = startBillingRun({ month, trigger: "test" });
      await expect(attempt).rejects.toBeInstanceOf(DomainError);
      await expect(startBillingRun({ month, trigger: "test" })).rejects.toMatchObject({ code: "BAD_INPUT", message, fieldErrors: { month: [message] } });
    }
    expect({ runs: await runCount(), audits: await db.auditEvent.count(SUCCESSFUL_AUDITS) }).toEqual(before);
  });

  it("counts the due tenants, records who started it, and returns the same run for a repeated request key", async () => {
    clockAt("2026-11-26T04:00:00Z");
    await createBilledTenant({ billingStartMonth: "2026-06", balance: 100_000 });
    const key = "req-0000-aaaa";
    const first = await startBillingRun({ month: "2026-11", trigger: "operator", actor: operatorActor, runId: key });
    expect(first).toMatchObject({ outcome: "created", run: { id: key, month: "2026-11", trigger: "operator", status: "running", tenantsTotal: 1, progress: 0, requestedById: operatorActor.id } });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "billing.run.start", targetId: key } });
    expect(audit).toMatchObject({ actorId: operatorActor.id, tenantId: null, details: { month: "2026-11", trigger: "operator", tenantsTotal: 1 } });

    expect(await startBillingRun({ month: "2026-11", trigger: "operator", actor: operatorActor, runId: key })).toMatchObject({ outcome: "running", run: { id: key } });
    await expect(startBillingRun({ month: "2026-10", trigger: "operator", actor: operatorActor, runId: key })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "This request key already started the run for 2026-11; use a new key for 2026-10",
    });
    await executeBillingRun(key);
    expect(await startBillingRun({ month: "2026-11", trigger: "operator", actor: operatorActor, runId: key })).toMatchObject({ outcome: "finished", run: { status: "done", progress: 100 } });
    // Another key after the run finished: a new run (a re-run charges nobody twice).
    expect(await startBillingRun({ month: "2026-11", trigger: "operator", actor: operatorActor, runId: "req-0000-bbbb" })).toMatchObject({ outcome: "created" });
    await executeBillingRun("req-0000-bbbb");
  });
});

describe("the hourly tick", () => {
  it("does nothing when nobody is due, and starts and queues the month's run when someone is", async () => {
    clockAt("2026-11-26T04:00:00Z");
    const before = await runCount();
    expect(await scheduleBillingRun()).toEqual([]);
    await createBilledTenant({ billingStartMonth: "2026-12", balance: 100_000 }); // not due before December
    expect(await scheduleBillingRun()).toEqual([]);
    expect(await runCount()).toBe(before);

    const due = await createBilledTenant({ billingStartMonth: "2026-11", balance: 100_000 });
    const [scheduled, ...more] = await scheduleBillingRun();
    expect(more).toEqual([]);
    expect(scheduled).toMatchObject({ month: "2026-11", outcome: "created" });
    const job = await getQueue("billingRun").getJob(scheduled!.runId);
    expect(job?.data).toEqual({ runId: scheduled!.runId });

    // Ticking again while the run is unfinished queues the same run, never a second one.
    expect(await scheduleBillingRun()).toEqual([{ month: "2026-11", runId: scheduled!.runId, outcome: "running" }]);
    await executeBillingRun(scheduled!.runId);
    expect(await db.ledgerEntry.count({ where: { idempotencyKey: chargeKey(due.tenant.id, "2026-11") } })).toBe(1);
    expect(await scheduleBillingRun()).toEqual([]);
    expect(await runCount()).toBe(before + 1);
  });

  it("starts each zone's current month: at 17:00 UTC on 30 November, December for Shanghai only", async () => {
    clockAt("2026-11-30T17:00:00Z");
    const plan = await createPlan(20_000);
    const shanghai = await createBilledTenant({ plan, billingStartMonth: "2026-06", balance: 100_000, timeZone: "Asia/Shanghai" });
    const utc = await createBilledTenant({ plan, billingStartMonth: "2026-06", balance: 100_000, timeZone: "UTC" });
    // UTC's November is paid already; Shanghai's December has begun and is not.
    await db.ledgerEntry.create({ data: { tenantId: utc.tenant.id, kind: "monthly_charge", amount: -8_333n, currency: "CNY", billingMonth: "2026-11", reference: "2026-11", idempotencyKey: chargeKey(utc.tenant.id, "2026-11") } });
    await db.ledgerEntry.create({ data: { tenantId: shanghai.tenant.id, kind: "monthly_charge", amount: -8_333n, currency: "CNY", billingMonth: "2026-11", reference: "2026-11", idempotencyKey: chargeKey(shanghai.tenant.id, "2026-11") } });
    const scheduled = await scheduleBillingRun();
    expect(scheduled.map((s) => s.month)).toEqual(["2026-12"]);
    const { run } = await executeBillingRun(scheduled[0]!.runId);
    expect(run).toMatchObject({ tenantsTotal: 1, charged: 1 });
    expect(await db.ledgerEntry.count({ where: { tenantId: utc.tenant.id, billingMonth: "2026-12" } })).toBe(0);
  });

  it("resumes a run that died after its last chunk, though nobody is left to charge", async () => {
    clockAt("2026-08-10T04:00:00Z");
    await createBilledTenant({ billingStartMonth: "2026-06", balance: 100_000 });
    const { run } = await startBillingRun({ month: "2026-08", trigger: "test" });
    await executeBillingRun(run.id, { maxChunks: 1 }); // charged everyone, then "crashed" before marking itself done
    clockAt("2026-08-10T05:05:00Z");
    expect(await scheduleBillingRun()).toEqual([{ month: "2026-08", runId: run.id, outcome: "resumed" }]);
    expect((await executeBillingRun(run.id)).run).toMatchObject({ status: "done", charged: 1 });
    expect(await scheduleBillingRun()).toEqual([]);
  });
});
