import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { createCallerFactory, router } from "@/server/trpc/init";
import { makeContext } from "@/server/trpc/context";
import type { SessionUser } from "@/server/auth/session-user";
import { signIn } from "@/server/auth/sign-in";
import { db } from "@/server/shared/db";
import { setClock } from "@/server/shared/clock";
import { lockTenant } from "../ledger/lock-tenant";
import { moneyTransaction } from "../ledger/money-transaction";
import { reactivateIfPaid } from "../subscriptions/reactivate-if-paid";
import { lifecycleRouter } from "./router";
import { chargeFor, MONTHLY_FEE, PASSWORD, seedTenant, shanghaiMorning } from "./lifecycle-test-fixtures";
import { purgeFrozenTenants } from "./purge-frozen-tenants";

// Suspend, unsuspend, terminate, restore and purge, through the procedures as an operator calls them.
const operator: SessionUser = { id: "ops", email: "ops@example.test", name: "Ops", role: "operator", tenantId: null, resellerId: null };
const ops = createCallerFactory(router({ lifecycle: lifecycleRouter }))(makeContext(operator)).lifecycle;
const DAY = 86_400_000;
const T0 = shanghaiMorning("2026-06-10");
let restoreClock: () => void = () => {};
const pin = (at: Date) => {
  restoreClock();
  restoreClock = setClock(at);
};

beforeAll(() => pin(T0));
afterEach(() => pin(T0));

const tenantRow = (id: string) =>
  db.tenant.findUniqueOrThrow({ where: { id }, select: { status: true, suspendedReason: true, frozenUntil: true, purgedAt: true } });
const auditsOf = (tenantId: string) => db.auditEvent.findMany({ where: { tenantId }, orderBy: { id: "asc" } });
/** Everything an action could write, to prove a refused one wrote nothing. */
const snapshot = async (tenantId: string) => ({ tenant: await tenantRow(tenantId), audits: (await auditsOf(tenantId)).length });

describe("suspend and unsuspend", () => {
  it("suspends an active tenant for an operator reason, which paying does not lift", async () => {
    const t = await seedTenant({ payment: 2_400_000, charged: ["2026-05", "2026-06"] });
    expect(await ops.suspend({ tenantId: t.tenantId, reason: "Spam complaints" })).toMatchObject({ status: "suspended", suspendedReason: "operator", suspendedAt: T0 });
    expect((await auditsOf(t.tenantId)).at(-1)).toMatchObject({ action: "tenant.suspend", actorId: "ops", details: { reason: "Spam complaints", previousStatus: "active" } });
    await expect(ops.suspend({ tenantId: t.tenantId, reason: "again" })).rejects.toMatchObject({ code: "CONFLICT", message: "This tenant is already suspended by an operator" });
    // What a payment runs afterwards leaves an operator suspension alone.
    expect(await moneyTransaction(async (tx) => reactivateIfPaid(tx, await lockTenant(tx, t.tenantId), null))).toBe(false);
    expect(await tenantRow(t.tenantId)).toMatchObject({ status: "suspended", suspendedReason: "operator" });

    // Lifting it: the balance pays June already charged, so the tenant is active again.
    expect(await ops.unsuspend({ tenantId: t.tenantId, reason: "Resolved" })).toMatchObject({ status: "active", suspendedReason: null });
    expect((await auditsOf(t.tenantId)).map((a) => a.action)).toEqual(["tenant.suspend", "tenant.reactivate", "tenant.unsuspend"]);
  });

  it("turns a non-payment suspension into an operator one, and lifting it leaves the tenant where its balance puts it", async () => {
    const t = await seedTenant({ status: "suspended", suspendedReason: "non_payment", payment: 200_000, charged: ["2026-05"] });
    expect(await ops.suspend({ tenantId: t.tenantId, reason: "Fraud check" })).toMatchObject({ status: "suspended", suspendedReason: "operator" });
    // June cannot be paid (nothing left): still suspended, now for non-payment, so a payment lifts it.
    expect(await ops.unsuspend({ tenantId: t.tenantId, reason: "Checked" })).toMatchObject({ status: "suspended", suspendedReason: "non_payment" });
    expect((await auditsOf(t.tenantId)).at(-1)).toMatchObject({ action: "tenant.unsuspend", details: { reason: "Checked", reactivated: false } });
  });

  it("refuses to lift a non-payment suspension by hand: pay or top up", async () => {
    const t = await seedTenant({ status: "suspended", suspendedReason: "non_payment" });
    const before = await snapshot(t.tenantId);
    await expect(ops.unsuspend({ tenantId: t.tenantId, reason: "Please" })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringContaining("pay or top up"),
    });
    expect(await snapshot(t.tenantId)).toEqual(before);
  });

  it("refuses to unsuspend an active tenant and to suspend a terminated one", async () => {
    const active = await seedTenant();
    await expect(ops.unsuspend({ tenantId: active.tenantId, reason: "x" })).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: "This tenant is not suspended: it is active" });
    const frozen = await seedTenant({ status: "frozen" });
    await expect(ops.suspend({ tenantId: frozen.tenantId, reason: "x" })).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringContaining("restore it before") });
  });
});

describe("terminate", () => {
  it("freezes a suspended tenant for 7 days and records why", async () => {
    const t = await seedTenant({ status: "suspended", suspendedReason: "non_payment" });
    const view = await ops.terminate({ tenantId: t.tenantId, reason: "Unpaid for three months" });
    expect(view).toMatchObject({ status: "frozen", suspendedReason: "non_payment", frozenUntil: new Date(T0.getTime() + 7 * DAY), purgedAt: null });
    expect((await auditsOf(t.tenantId)).at(-1)).toMatchObject({
      action: "tenant.terminate",
      actorRole: "operator",
      targetType: "tenant",
      targetId: t.tenantId,
      details: { reason: "Unpaid for three months", suspendedReason: "non_payment" },
    });
  });

  it("refuses an active tenant with a clear message and writes nothing", async () => {
    const t = await seedTenant();
    const before = await snapshot(t.tenantId);
    await expect(ops.terminate({ tenantId: t.tenantId, reason: "x" })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "Only a suspended tenant can be terminated: this tenant is active, suspend it first",
    });
    expect(await snapshot(t.tenantId)).toEqual(before);
  });

  it("lets one of two operators terminating at once win; the other is told it is already terminated", async () => {
    const t = await seedTenant({ status: "suspended" });
    const results = await Promise.allSettled([ops.terminate({ tenantId: t.tenantId, reason: "a" }), ops.terminate({ tenantId: t.tenantId, reason: "b" })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringContaining("already terminated (frozen until") });
    expect((await auditsOf(t.tenantId)).filter((a) => a.action === "tenant.terminate")).toHaveLength(1);
  });
});

describe("restore", () => {
  it("restores within the 7 days and reactivates a non-payment suspension the balance now pays", async () => {
    const t = await seedTenant({ status: "suspended", suspendedReason: "non_payment", payment: 600_000, charged: ["2026-05"] });
    await ops.terminate({ tenantId: t.tenantId, reason: "Unpaid" });
    pin(new Date(T0.getTime() + 6 * DAY));
    expect(await ops.restore({ tenantId: t.tenantId, reason: "Customer paid" })).toMatchObject({ status: "active", suspendedReason: null, frozenUntil: null });
    // Reactivation charged June, the month it came back in.
    expect(await db.ledgerEntry.count({ where: { tenantId: t.tenantId, kind: "monthly_charge", billingMonth: "2026-06", amount: -MONTHLY_FEE } })).toBe(1);
    expect((await auditsOf(t.tenantId)).slice(-2).map((a) => a.action)).toEqual(["tenant.reactivate", "tenant.restore"]);
  });

  it("puts an operator suspension back as it was", async () => {
    const t = await seedTenant({ status: "suspended", suspendedReason: "operator", payment: 2_400_000 });
    await ops.terminate({ tenantId: t.tenantId, reason: "Abuse" });
    expect(await ops.restore({ tenantId: t.tenantId, reason: "Appeal granted" })).toMatchObject({ status: "suspended", suspendedReason: "operator", frozenUntil: null });
    expect((await auditsOf(t.tenantId)).at(-1)).toMatchObject({ action: "tenant.restore", details: { reason: "Appeal granted", reactivated: false } });
  });

  it("refuses a tenant that is not terminated", async () => {
    const t = await seedTenant({ status: "suspended" });
    await expect(ops.restore({ tenantId: t.tenantId, reason: "x" })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "Only a terminated (frozen) tenant can be restored: this tenant is suspended",
    });
  });
});

describe("purge", () => {
  it("purges after 7 days: users gone, sign-in impossible, billing ended, the books kept", async () => {
    const t = await seedTenant({ status: "suspended", payment: 200_000, charged: ["2026-05"], admins: ["ann", "bob"] });
    const other = await seedTenant({ status: "suspended", admins: ["keep"] });
    await db.order.create({ data: { tenantId: t.tenantId, kind: "top_up", amount: 200_000n, currency: "CNY", reference: "MSPURGE1", idempotencyKey: `${t.tenantId}:k1` } });
    await db.resizeChange.create({
      data: { subscriptionId: t.subscriptionId!, tenantId: t.tenantId, fromPlanId: t.planId, fromSeats: 120, toPlanId: t.planId, toSeats: 150, pricePerSeatYear: 20_000, effectiveMonth: "2026-07", idempotencyKey: `rz-${t.tenantId}` },
    });
    expect(await signIn({ email: t.emails[0], password: PASSWORD }, { ip: null, userAgent: null })).not.toBeNull();
    const ledgerBefore = await db.ledgerEntry.findMany({ where: { tenantId: t.tenantId } });
    await ops.terminate({ tenantId: t.tenantId, reason: "Gone" });

    // Other tests' tenants terminated at T0 fall due at the same time: look at this one.
    pin(new Date(T0.getTime() + 7 * DAY - 1000));
    expect((await purgeFrozenTenants()).purged).not.toContain(t.tenantId);
    expect((await tenantRow(t.tenantId)).purgedAt).toBeNull();

    const due = new Date(T0.getTime() + 7 * DAY);
    pin(due);
    expect(await purgeFrozenTenants()).toMatchObject({ purged: expect.arrayContaining([t.tenantId]), failed: 0 });
    expect(await tenantRow(t.tenantId)).toMatchObject({ status: "frozen", purgedAt: due });
    expect(await db.user.count({ where: { tenantId: t.tenantId } })).toBe(0);
    expect(await db.user.count({ where: { tenantId: other.tenantId } })).toBe(1);
    for (const email of t.emails) expect(await signIn({ email, password: PASSWORD }, { ip: null, userAgent: null })).toMatchObject({ ok: false });
    expect(await db.subscription.findMany({ where: { tenantId: t.tenantId }, select: { status: true } })).toEqual([{ status: "cancelled" }]);
    expect(await db.order.findMany({ where: { tenantId: t.tenantId }, select: { status: true } })).toEqual([{ status: "cancelled" }]);
    expect(await db.resizeChange.findMany({ where: { tenantId: t.tenantId }, select: { status: true } })).toEqual([{ status: "cancelled" }]);
    expect(await db.ledgerEntry.findMany({ where: { tenantId: t.tenantId } })).toEqual(ledgerBefore);
    expect((await auditsOf(t.tenantId)).at(-1)).toMatchObject({ action: "tenant.purge", actorId: null, details: { usersDeleted: 2 } });
    expect((await auditsOf(t.tenantId)).map((a) => a.action)).toContain("tenant.terminate"); // the log outlives it too

    expect(await purgeFrozenTenants()).toEqual({ purged: [], failed: 0 }); // once only, for every tenant
    await expect(ops.restore({ tenantId: t.tenantId, reason: "Too late" })).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringContaining("was purged on") });
    await expect(ops.terminate({ tenantId: t.tenantId, reason: "Again" })).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringContaining("already terminated and purged") });
  });

  it("leaves a tenant restored before its purge alone", async () => {
    const t = await seedTenant({ status: "suspended", suspendedReason: "operator" });
    await ops.terminate({ tenantId: t.tenantId, reason: "x" });
    await ops.restore({ tenantId: t.tenantId, reason: "y" });
    pin(new Date(T0.getTime() + 30 * DAY));
    expect((await purgeFrozenTenants()).purged).not.toContain(t.tenantId);
    expect(await db.user.count({ where: { tenantId: t.tenantId } })).toBe(1);
  });
});

describe("bad input", () => {
  it.each([
    ["no reason", { reason: undefined }, "BAD_REQUEST"],
    ["a blank reason", { reason: "   " }, "BAD_REQUEST"],
    ["a reason too long", { reason: "x".repeat(501) }, "BAD_REQUEST"],
    ["no tenant", { tenantId: "" }, "BAD_REQUEST"],
    ["an unknown tenant", { tenantId: "no-such-tenant" }, "NOT_FOUND"],
  ])("refuses %s on every action and writes nothing", async (_label, override, code) => {
    const t = await seedTenant({ status: "suspended", suspendedReason: "operator" });
    const before = await snapshot(t.tenantId);
    const input = { tenantId: t.tenantId, reason: "valid reason", ...override } as { tenantId: string; reason: string };
    for (const action of ["suspend", "unsuspend", "terminate", "restore"] as const) {
      await expect(ops[action](input), action).rejects.toMatchObject({ code });
    }
    expect(await snapshot(t.tenantId)).toEqual(before);
  });

  it("tells which field is wrong", async () => {
    type ZodCause = { cause?: { issues?: { message: string }[] } };
    const error = (await ops.terminate({ tenantId: "x", reason: " " }).catch((e: unknown) => e)) as ZodCause;
    expect(error.cause?.issues?.map((i) => i.message)).toEqual(["Give a reason: it is kept in the operation log"]);
  });
});

describe("the month a restored tenant comes back in", () => {
  it("is charged once even when it had been charged before the termination", async () => {
    const t = await seedTenant({ status: "suspended", suspendedReason: "non_payment", payment: 600_000, charged: ["2026-05"] });
    await chargeFor(t.tenantId, "2026-06");
    await ops.terminate({ tenantId: t.tenantId, reason: "x" });
    expect(await ops.restore({ tenantId: t.tenantId, reason: "y" })).toMatchObject({ status: "active" });
    expect(await db.ledgerEntry.count({ where: { tenantId: t.tenantId, kind: "monthly_charge", billingMonth: "2026-06" } })).toBe(1);
  });
});
