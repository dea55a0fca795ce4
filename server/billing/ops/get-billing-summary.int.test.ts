import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setClock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { resetEnvCache } from "@/server/shared/env";
import { createPlan, operatorUser } from "../billing-test-fixtures";
import { activeSubscription, addEntry, callerFor } from "../statements/statement-test-fixtures";

// Seven tenants, one in each place of the lifecycle, seen on 2026-11-30 at 23:30 in Shanghai
// (15:30 UTC). Payments sit on both edges of November in Shanghai: 2026-10-31T16:30Z is already
// 1 November there (still October in UTC), 2026-10-31T15:59:59.999Z is the last instant of October.
const NOW = new Date("2026-11-30T15:30:00Z");
let restoreClock: () => void;
let juliet: string;
const summary = () => callerFor(operatorUser).ops.summary();

type Lifecycle = { status?: "active" | "suspended" | "frozen"; suspendedReason?: "non_payment" | "operator"; frozenUntil?: Date; purgedAt?: Date };
const tenant = async (name: string, lifecycle: Lifecycle = {}) => (await db.tenant.create({ data: { name, ...lifecycle } })).id;

beforeAll(async () => {
  const plan = await createPlan();
  const subscription = (tenantId: string, seats: number, status: "pending" | "cancelled") =>
    db.subscription.create({ data: { tenantId, planId: plan.id, seats, pricePerSeatYear: 20_000, currency: "CNY", status } });

  const alpha = await tenant("Alpha");
  await activeSubscription(alpha, plan.id, 100, 20_000, "2026-11", "2027-11");
  await addEntry(alpha, "payment", 2_000_000, "2026-10-15T02:00:00Z"); // October
  await addEntry(alpha, "monthly_charge", -166_666, "2026-10-31T16:01:00Z", { billingMonth: "2026-11" });
  await addEntry(alpha, "payment", 50_000, "2026-10-31T16:30:00Z"); // 1 November, 00:30 in Shanghai

  const beta = await tenant("Beta");
  await activeSubscription(beta, plan.id, 10, 20_000, "2026-11", "2027-11");
  await subscription(beta, 50, "pending"); // ordered, not paid: no seats yet
  await subscription(beta, 20, "cancelled");
  await addEntry(beta, "payment", 20_000, "2026-10-31T15:59:59.999Z"); // October in Shanghai
  await addEntry(beta, "refund", -1_000, "2026-11-10T02:00:00Z"); // money out is not a payment
  await addEntry(beta, "adjustment", 500, "2026-11-11T02:00:00Z"); // nor is a correction
  await addEntry(beta, "payment", 16_674, "2026-11-30T15:00:00Z");

  const gamma = await tenant("Gamma", { status: "suspended", suspendedReason: "non_payment" });
  await activeSubscription(gamma, plan.id, 5, 20_000, "2026-11", "2027-11");
  await addEntry(gamma, "payment", 1_000, "2026-11-05T02:00:00Z");

  const echo = await tenant("Echo", { status: "suspended", suspendedReason: "operator" });
  await activeSubscription(echo, plan.id, 5, 20_000, "2026-11", "2027-11");

  // Terminated: frozen with its subscription still active (a restore resumes it).
  const hotel = await tenant("Hotel", { status: "frozen", suspendedReason: "operator", frozenUntil: new Date("2026-12-05T00:00:00Z") });
  await activeSubscription(hotel, plan.id, 20, 20_000, "2026-11", "2027-11");
  await addEntry(hotel, "payment", 7_000, "2026-11-02T02:00:00Z");

  // Purged: still frozen, marked purgedAt; the purge cancelled its subscription. Its payment was received this month all the same.
  const india = await tenant("India", { status: "frozen", suspendedReason: "non_payment", frozenUntil: new Date("2026-11-25T00:00:00Z"), purgedAt: new Date("2026-11-25T00:05:00Z") });
  await subscription(india, 30, "cancelled");
  await addEntry(india, "payment", 9_999, "2026-11-03T02:00:00Z");
  await addEntry(india, "refund", -9_999, "2026-11-20T02:00:00Z");

  juliet = await tenant("Juliet"); // nothing bought yet
  restoreClock = setClock(NOW);
});
afterAll(() => restoreClock());

describe("ops.summary", () => {
  it("sums every balance, counts tenants by lifecycle, live seats and this month's payments in Shanghai", async () => {
    expect(await summary()).toEqual({
      // 1,883,334 (Alpha) + 36,174 (Beta) + 1,000 (Gamma) + 7,000 (Hotel) + 0 (India)
      totalBalance: 1_927_508,
      tenants: { total: 7, active: 3, suspended: 2, suspendedNonPayment: 1, suspendedOperator: 1, frozen: 1, purged: 1 },
      // Alpha 100 + Beta 10 + Gamma 5 + Echo 5 + Hotel 20; not Beta's pending or cancelled ones, not India's.
      subscriptions: { active: 5, seats: 140 },
      // 50,000 + 16,674 + 1,000 + 7,000 + 9,999
      paymentsThisMonth: { month: "2026-11", timeZone: "Asia/Shanghai", count: 5, amount: 84_673 },
    });
  });

  it("takes the calendar month in TZ_DEFAULT", async () => {
    const before = process.env.TZ_DEFAULT;
    process.env.TZ_DEFAULT = "UTC";
    resetEnvCache();
    try {
      // In UTC Alpha's 1 November payment is October's: 16,674 + 1,000 + 7,000 + 9,999.
      expect((await summary()).paymentsThisMonth).toEqual({ month: "2026-11", timeZone: "UTC", count: 4, amount: 34_673 });
    } finally {
      if (before === undefined) delete process.env.TZ_DEFAULT;
      else process.env.TZ_DEFAULT = before;
      resetEnvCache();
    }
  });

  it("starts a new month at midnight on the 1st in Shanghai, while it is still November in UTC", async () => {
    await addEntry(juliet, "payment", 3_000, "2026-11-30T16:00:00Z"); // 1 December, 00:00 in Shanghai
    const restore = setClock(new Date("2026-11-30T16:30:00Z"));
    try {
      const after = await summary();
      expect(after.paymentsThisMonth).toEqual({ month: "2026-12", timeZone: "Asia/Shanghai", count: 1, amount: 3_000 });
      expect(after.totalBalance).toBe(1_930_508);
    } finally {
      restore();
    }
  });
});
