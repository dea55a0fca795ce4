import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/server/shared/db";
import { billingStartMonth } from "../rules/billing-start";
import { addMonths } from "../rules/months";
import { chargeKey } from "../subscriptions/charge-month";
import { getBalance } from "../ledger/get-balance";
import { clockAt, createBilledTenant, createPlan, monthlyCharges, resetClock, retireAllTenants, runMonth, scheduleTestResize } from "./run-test-fixtures";

afterEach(async () => {
  resetClock();
  await retireAllTenants();
});

describe("the monthly run", () => {
  it("charges the seed's numbers from the month after payment, twelve months adding up to the yearly fee", async () => {
    clockAt("2026-11-26T04:00:00Z");
    const plan = await createPlan(20_000);
    const a = await createBilledTenant({ plan, billingStartMonth: "2026-06", balance: 100_000 });
    // Paid on 20 November (Shanghai): billing starts on 1 December, so November is not charged.
    const start = billingStartMonth("on_payment", new Date("2026-11-20T02:00:00Z"), null, "Asia/Shanghai");
    expect(start).toBe("2026-12");
    const b = await createBilledTenant({ plan, billingStartMonth: start!, balance: 100_000 });

    const nov = await runMonth("2026-11");
    expect(nov.outcome).toBe("done");
    expect(nov.run).toMatchObject({ status: "done", progress: 100, tenantsTotal: 1, processed: 1, charged: 1, chargedAmount: 8_333, suspended: 0, skipped: 0 });
    const [first] = await monthlyCharges(a.tenant.id);
    expect(first).toMatchObject({
      amount: -8_333n,
      currency: "CNY",
      reference: "2026-11",
      billingMonth: "2026-11",
      idempotencyKey: chargeKey(a.tenant.id, "2026-11"),
      note: "5 seats × 20000 fen per seat-year",
      occurredAt: new Date("2026-11-26T04:00:00Z"),
      actorId: null,
    });
    expect(await monthlyCharges(b.tenant.id)).toEqual([]);

    // Every month from December to the next November, each run on the 1st in Shanghai.
    for (let i = 0; i < 12; i++) {
      const month = addMonths("2026-12", i);
      clockAt(`${month}-01T00:30:00+08:00`);
      await runMonth(month);
    }
    const bCharges = await monthlyCharges(b.tenant.id);
    expect(bCharges.map((c) => Number(c.amount))).toEqual([-8_337, ...Array(11).fill(-8_333)]);
    expect(bCharges.reduce((sum, c) => sum + Number(c.amount), 0)).toBe(-100_000);
    expect(await getBalance(b.tenant.id)).toBe(0);

    // A paid the same year one month earlier: its balance ran out before November 2027.
    expect((await monthlyCharges(a.tenant.id)).map((c) => c.billingMonth)).toEqual(["2026-11", "2026-12", ...Array.from({ length: 10 }, (_, i) => addMonths("2027-01", i))]);
    expect(await db.tenant.findUniqueOrThrow({ where: { id: a.tenant.id } })).toMatchObject({ status: "suspended", suspendedReason: "non_payment" });
  });

  it("suspends a tenant its balance cannot pay and charges it nothing; exactly one fee is enough", async () => {
    clockAt("2026-11-10T04:00:00Z");
    const plan = await createPlan(20_000);
    const short = await createBilledTenant({ plan, billingStartMonth: "2026-11", balance: 8_332, name: "Short" });
    const exact = await createBilledTenant({ plan, billingStartMonth: "2026-11", balance: 8_333, name: "Exact" });
    const { run } = await runMonth("2026-11");
    expect(run).toMatchObject({ processed: 2, charged: 1, chargedAmount: 8_333, suspended: 1 });

    expect(await monthlyCharges(short.tenant.id)).toEqual([]);
    expect(await db.tenant.findUniqueOrThrow({ where: { id: short.tenant.id } })).toMatchObject({
      status: "suspended",
      suspendedReason: "non_payment",
      suspendedAt: new Date("2026-11-10T04:00:00Z"),
    });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "tenant.suspend", tenantId: short.tenant.id } });
    expect(audit).toMatchObject({ targetType: "tenant", targetId: short.tenant.id, result: "success", actorId: null });
    expect(audit.details).toMatchObject({ reason: "non_payment", month: "2026-11", fee: 8_333, balance: 8_332, runId: run.id });

    expect(await getBalance(exact.tenant.id)).toBe(0);
    expect((await db.tenant.findUniqueOrThrow({ where: { id: exact.tenant.id } })).status).toBe("active");
  });

  it("applies a resize due this month at the price its preview stored, not the plan's price of today", async () => {
    clockAt("2026-11-10T04:00:00Z");
    const small = await createPlan(20_000);
    const big = await createPlan(30_000); // the price went up after the customer scheduled the change
    const t = await createBilledTenant({ plan: small, billingStartMonth: "2026-06", termEndMonth: "2027-06", balance: 200_000 });
    const resize = await scheduleTestResize(t.subscription, { toPlan: big, toSeats: 10, pricePerSeatYear: 24_000, effectiveMonth: "2026-12" });

    await runMonth("2026-11");
    expect((await monthlyCharges(t.tenant.id)).map((c) => Number(c.amount))).toEqual([-8_333]);
    expect((await db.resizeChange.findUniqueOrThrow({ where: { id: resize.id } })).status).toBe("scheduled");

    clockAt("2026-12-01T01:00:00Z");
    const { run } = await runMonth("2026-12");
    expect(run).toMatchObject({ charged: 1, resizesApplied: 1, renewals: 0, chargedAmount: 20_000 });
    const charge = (await monthlyCharges(t.tenant.id))[1]!;
    expect(charge).toMatchObject({ amount: -20_000n, note: "10 seats × 24000 fen per seat-year" });
    expect(await db.subscription.findUniqueOrThrow({ where: { id: t.subscription.id } })).toMatchObject({
      seats: 10,
      pricePerSeatYear: 24_000,
      planId: big.id,
      termEndMonth: "2027-06",
    });
    expect(await db.resizeChange.findUniqueOrThrow({ where: { id: resize.id } })).toMatchObject({ status: "applied", appliedAt: new Date("2026-12-01T01:00:00Z") });
  });

  it("renews an ended term at the plan's current price for twelve more months", async () => {
    clockAt("2026-11-10T04:00:00Z");
    const plan = await createPlan(30_000);
    const t = await createBilledTenant({ plan, pricePerSeatYear: 20_000, billingStartMonth: "2025-12", termEndMonth: "2026-12", balance: 200_000 });
    await runMonth("2026-11");
    clockAt("2026-12-01T01:00:00Z");
    const { run } = await runMonth("2026-12");
    expect(run).toMatchObject({ charged: 1, renewals: 1, resizesApplied: 0 });
    expect((await monthlyCharges(t.tenant.id)).map((c) => [c.billingMonth, Number(c.amount), c.note])).toEqual([
      ["2026-11", -8_333, "5 seats × 20000 fen per seat-year"],
      ["2026-12", -12_500, "5 seats × 30000 fen per seat-year"],
    ]);
    expect(await db.subscription.findUniqueOrThrow({ where: { id: t.subscription.id } })).toMatchObject({ pricePerSeatYear: 30_000, termEndMonth: "2027-12" });
  });

  it("bills a tenant once its month has begun in its own time zone", async () => {
    const plan = await createPlan(20_000);
    const shanghai = await createBilledTenant({ plan, billingStartMonth: "2026-06", balance: 100_000, timeZone: "Asia/Shanghai" });
    const utc = await createBilledTenant({ plan, billingStartMonth: "2026-06", balance: 100_000, timeZone: "UTC" });
    clockAt("2026-11-30T17:00:00Z"); // 1 December 01:00 in Shanghai, still 30 November in UTC
    const early = await runMonth("2026-12");
    expect(early.run).toMatchObject({ tenantsTotal: 1, charged: 1 });
    expect((await monthlyCharges(shanghai.tenant.id)).map((c) => c.billingMonth)).toEqual(["2026-12"]);
    expect(await monthlyCharges(utc.tenant.id)).toEqual([]);

    clockAt("2026-12-01T00:30:00Z");
    const later = await runMonth("2026-12");
    expect(later.run).toMatchObject({ tenantsTotal: 2, charged: 1, skipped: 1 });
    expect((await monthlyCharges(utc.tenant.id)).map((c) => c.billingMonth)).toEqual(["2026-12"]);
  });

  it("skips a tenant already charged for the month or a later one, and a re-run writes nothing", async () => {
    clockAt("2026-11-10T04:00:00Z");
    const plan = await createPlan(20_000);
    const ahead = await createBilledTenant({ plan, billingStartMonth: "2026-06", balance: 100_000 });
    await db.ledgerEntry.create({
      data: { tenantId: ahead.tenant.id, kind: "monthly_charge", amount: -8_337n, currency: "CNY", billingMonth: "2026-12", reference: "2026-12", idempotencyKey: chargeKey(ahead.tenant.id, "2026-12") },
    });
    const normal = await createBilledTenant({ plan, billingStartMonth: "2026-06", balance: 100_000 });
    const first = await runMonth("2026-11");
    expect(first.run).toMatchObject({ processed: 2, charged: 1, skipped: 1 });
    expect((await monthlyCharges(ahead.tenant.id)).map((c) => c.billingMonth)).toEqual(["2026-12"]);

    const entries = await db.ledgerEntry.count();
    const again = await runMonth("2026-11");
    expect(again.run.id).not.toBe(first.run.id);
    expect(again.run).toMatchObject({ status: "done", processed: 2, charged: 0, skipped: 2, chargedAmount: 0 });
    expect(await db.ledgerEntry.count()).toBe(entries);
    expect((await monthlyCharges(normal.tenant.id)).length).toBe(1);
  });

  it("leaves suspended tenants, pending subscriptions and unstarted billing alone", async () => {
    clockAt("2026-11-10T04:00:00Z");
    const plan = await createPlan(20_000);
    const suspended = await createBilledTenant({ plan, billingStartMonth: "2026-06", balance: 100_000 });
    await db.tenant.update({ where: { id: suspended.tenant.id }, data: { status: "suspended", suspendedReason: "operator" } });
    const pending = await createBilledTenant({ plan, billingStartMonth: "2026-06", balance: 100_000 });
    await db.subscription.update({ where: { id: pending.subscription.id }, data: { status: "pending" } });
    await createBilledTenant({ plan, billingStartMonth: "2027-01", balance: 100_000 });
    const { run } = await runMonth("2026-11");
    expect(run).toMatchObject({ tenantsTotal: 0, processed: 0, charged: 0, status: "done" });
  });
});
