import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCallerFactory, router } from "@/server/trpc/init";
import { makeContext } from "@/server/trpc/context";
import type { SessionUser } from "@/server/auth/session-user";
import { setClock } from "@/server/shared/clock";
import { lifecycleRouter } from "./router";
import { seedTenant, shanghaiMorning } from "./lifecycle-test-fixtures";
import { getBalanceReminder } from "./get-balance-reminder";

// The customer home's banner: from 30 days before the balance runs out, louder from 7; and the
// suspended-for-non-payment state. Every tenant runs out on 2026-07-01 (May and June paid).
let restoreClock: () => void;
beforeAll(() => {
  restoreClock = setClock(shanghaiMorning("2026-06-01"));
});
afterAll(() => restoreClock());

const adminOf = (tenantId: string): SessionUser => ({ id: `a-${tenantId}`, email: "a@example.test", name: "A", role: "tenant_admin", tenantId, resellerId: null });
const banner = (tenantId: string) => createCallerFactory(router({ lifecycle: lifecycleRouter }))(makeContext(adminOf(tenantId))).lifecycle.reminder();
const at = (day: string) => setClock(shanghaiMorning(day));

describe("the balance banner", () => {
  it.each([
    ["2026-05-31", null],
    ["2026-06-01", { daysLeft: 30, level: "info" }],
    ["2026-06-17", { daysLeft: 14, level: "warning" }],
    ["2026-06-24", { daysLeft: 7, level: "danger" }],
    ["2026-06-30", { daysLeft: 1, level: "danger" }],
  ])("on %s shows %j", async (day, expected) => {
    const t = await seedTenant({ payment: 500_000, charged: ["2026-05", "2026-06"] });
    const undo = at(day);
    try {
      const { reminder, suspendedForNonPayment } = await banner(t.tenantId);
      expect(suspendedForNonPayment).toBe(false);
      expect(reminder).toEqual(expected && { ...expected, runsOutDay: "2026-07-01", paidThroughDay: "2026-06-30", balance: 100_000 });
    } finally {
      undo();
    }
  });

  it("shows only the caller's own tenant", async () => {
    const low = await seedTenant({ payment: 500_000, charged: ["2026-05", "2026-06"] });
    const rich = await seedTenant({ payment: 10_000_000, charged: ["2026-05", "2026-06"] });
    expect((await banner(low.tenantId)).reminder).toMatchObject({ daysLeft: 30 });
    expect((await banner(rich.tenantId)).reminder).toBeNull();
  });

  it("says when the tenant is suspended for non-payment, and shows no countdown then", async () => {
    const unpaid = await seedTenant({ status: "suspended", suspendedReason: "non_payment", payment: 500_000, charged: ["2026-05", "2026-06"] });
    expect(await banner(unpaid.tenantId)).toEqual({ reminder: null, suspendedForNonPayment: true, suspendedAt: new Date("2026-01-01T00:00:00Z") });
    const byOperator = await seedTenant({ status: "suspended", suspendedReason: "operator" });
    expect(await banner(byOperator.tenantId)).toMatchObject({ reminder: null, suspendedForNonPayment: false });
  });

  it("shows nothing to a tenant without an active subscription", async () => {
    const none = await seedTenant({ startMonth: null });
    expect(await banner(none.tenantId)).toEqual({ reminder: null, suspendedForNonPayment: false, suspendedAt: null });
  });

  it("refuses a tenant that does not exist (a stale session) with NOT_FOUND", async () => {
    await expect(getBalanceReminder("no-such-tenant")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(banner("no-such-tenant")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
