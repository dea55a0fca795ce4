import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { setClock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { DomainError } from "@/server/shared/errors";
import { createOrder } from "./create-order";
import { confirmBankTransfer } from "./confirm-bank-transfer";
import { cancelOrder } from "./cancel-order";
import { createTopUp } from "./create-top-up";
import { ORDER_REFERENCE } from "./order-reference";
import { getBalance } from "../ledger/get-balance";
import { billingWriteCounts, createBillingTenant, createPlan, operatorActor, requestId } from "../billing-test-fixtures";

let plan: Awaited<ReturnType<typeof createPlan>>;
let restoreClock: (() => void) | undefined;

beforeAll(async () => {
  plan = await createPlan();
});
afterEach(() => restoreClock?.());

const order = (tenantId: string, actor: Parameters<typeof createOrder>[0], over: Partial<Parameters<typeof createOrder>[2]> = {}) =>
  createOrder(actor, tenantId, { planId: plan.id, seats: 100, termYears: 1, startRule: "on_payment", method: "bank_transfer", idempotencyKey: requestId(), ...over });

async function expectRefused(call: () => Promise<unknown>, code: string, message: RegExp) {
  const before = await billingWriteCounts();
  const error = await call().then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
  expect((error as DomainError).message).toMatch(message);
  expect(await billingWriteCounts()).toEqual(before);
}

describe("ordering a plan", () => {
  it("refuses seat counts the tiers do not sell, offering the nearest, and writes nothing", async () => {
    const { tenant, actor } = await createBillingTenant();
    await expectRefused(() => order(tenant.id, actor, { seats: 103 }), "BAD_INPUT", /Choose 100 or 110/);
    await expectRefused(() => order(tenant.id, actor, { seats: 1_060 }), "BAD_INPUT", /Choose 1,050 or 1,100/);
    await expectRefused(() => order(tenant.id, actor, { seats: 0 }), "BAD_INPUT", /smallest order is 5 seats/);
    await expectRefused(() => order(tenant.id, actor, { seats: -5 }), "BAD_INPUT", /smallest order is 5 seats/);
    await expectRefused(() => order(tenant.id, actor, { seats: 12.5 }), "BAD_INPUT", /whole number/);
    await expectRefused(() => order(tenant.id, actor, { seats: 1e9 }), "BAD_INPUT", /sales team/);
    await expectRefused(() => order(tenant.id, actor, { planId: "nope" }), "BAD_INPUT", /not on sale/);
    const withdrawn = await createPlan(20_000, false);
    await expectRefused(() => order(tenant.id, actor, { planId: withdrawn.id }), "BAD_INPUT", /not on sale/);
    await expectRefused(() => order(tenant.id, actor, { method: "stripe" }), "BAD_INPUT", /Card payment is not available/);
  });

  it("creates a pending subscription and an order priced seats × price × years with a bank reference", async () => {
    const { tenant, actor } = await createBillingTenant();
    const o = await order(tenant.id, actor, { termYears: 2 });
    expect(o).toMatchObject({ status: "pending", kind: "subscription", amount: 4_000_000, seats: 100, termYears: 2, method: "bank_transfer" });
    expect(o.reference).toMatch(ORDER_REFERENCE);
    expect(o.bank?.accountNumber).toBeTruthy();
    const sub = await db.subscription.findFirstOrThrow({ where: { tenantId: tenant.id } });
    expect(sub).toMatchObject({ status: "pending", seats: 100, pricePerSeatYear: 20_000, billingStartMonth: null });
    await expectRefused(() => order(tenant.id, actor), "CONFLICT", new RegExp(`unpaid order ${o.reference}`));
  });

  it("a repeated request id returns the first order; a different order under it is refused", async () => {
    const { tenant, actor } = await createBillingTenant();
    const key = requestId();
    const [a, b] = await Promise.all([order(tenant.id, actor, { idempotencyKey: key }), order(tenant.id, actor, { idempotencyKey: key })]);
    expect(b.id).toBe(a.id);
    expect(await db.order.count({ where: { tenantId: tenant.id } })).toBe(1);
    await expectRefused(() => order(tenant.id, actor, { idempotencyKey: key, seats: 110 }), "CONFLICT", /already used/);
    // Another tenant's identical key is its own order.
    const other = await createBillingTenant("Other");
    expect((await order(other.tenant.id, other.actor, { idempotencyKey: key })).id).not.toBe(a.id);
  });

  it("cancels an unpaid order with its pending subscription, and not a paid one", async () => {
    const { tenant, actor } = await createBillingTenant();
    const o = await order(tenant.id, actor);
    expect((await cancelOrder(actor, tenant.id, o.id)).status).toBe("cancelled");
    expect((await db.subscription.findFirstOrThrow({ where: { tenantId: tenant.id } })).status).toBe("cancelled");
    expect((await cancelOrder(actor, tenant.id, o.id)).status).toBe("cancelled");
    const other = await createBillingTenant("Other");
    await expectRefused(() => cancelOrder(other.actor, other.tenant.id, o.id), "NOT_FOUND", /Order not found/);
    const paid = await order(tenant.id, actor);
    await confirmBankTransfer(operatorActor, { reference: paid.reference, amount: paid.amount });
    await expectRefused(() => cancelOrder(actor, tenant.id, paid.id), "CONFLICT", /already paid/);
  });
});

describe("bank transfer confirmation", () => {
  it("pays the order, activates the subscription and starts billing the next month", async () => {
    restoreClock = setClock(new Date("2026-11-26T04:00:00Z"));
    const { tenant, actor } = await createBillingTenant();
    const o = await order(tenant.id, actor);
    const result = await confirmBankTransfer(operatorActor, { reference: o.reference.toLowerCase().replace(/-/g, " "), amount: 2_000_000 });
    expect(result).toMatchObject({ alreadyConfirmed: false, order: { status: "paid" }, payment: { kind: "payment", amount: 2_000_000, reference: o.reference } });
    expect(await getBalance(tenant.id)).toBe(2_000_000);
    const sub = await db.subscription.findFirstOrThrow({ where: { tenantId: tenant.id } });
    expect(sub).toMatchObject({ status: "active", billingStartMonth: "2026-12", termEndMonth: "2027-12" });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "billing.payment.record", tenantId: tenant.id } });
    expect(audit.actorId).toBe(operatorActor.id);
  });

  it("20 operators confirming the same transfer at once make exactly one payment", async () => {
    const { tenant, actor } = await createBillingTenant();
    const o = await order(tenant.id, actor);
    const results = await Promise.all(Array.from({ length: 20 }, () => confirmBankTransfer(operatorActor, { reference: o.reference, amount: o.amount })));
    expect(new Set(results.map((r) => r.payment.id)).size).toBe(1);
    expect(results.filter((r) => !r.alreadyConfirmed)).toHaveLength(1);
    expect(await db.ledgerEntry.count({ where: { tenantId: tenant.id } })).toBe(1);
    expect(await getBalance(tenant.id)).toBe(o.amount);
  });

  it("refuses unknown references, short or malformed amounts and cancelled orders, writing nothing", async () => {
    const { tenant, actor } = await createBillingTenant();
    const o = await order(tenant.id, actor);
    await expectRefused(() => confirmBankTransfer(operatorActor, { reference: "MS-0000-0000", amount: 100 }), "NOT_FOUND", /No order has the reference MS-0000-0000/);
    await expectRefused(() => confirmBankTransfer(operatorActor, { reference: o.reference, amount: 1_999_999 }), "BAD_INPUT", /less than order/);
    await expectRefused(() => confirmBankTransfer(operatorActor, { reference: o.reference, amount: -5 }), "BAD_INPUT", /more than zero/);
    await expectRefused(() => confirmBankTransfer(operatorActor, { reference: o.reference, amount: 0.5 }), "BAD_INPUT", /whole number of fen/);
    await expectRefused(() => confirmBankTransfer(operatorActor, { reference: o.reference, amount: 2 ** 53 }), "BAD_INPUT", /at most/);
    await cancelOrder(actor, tenant.id, o.id);
    await expectRefused(() => confirmBankTransfer(operatorActor, { reference: o.reference, amount: o.amount }), "CONFLICT", /was cancelled/);
  });

  it("more than the order is all credited to the balance", async () => {
    const { tenant, actor } = await createBillingTenant();
    const o = await order(tenant.id, actor, { seats: 5 });
    await confirmBankTransfer(operatorActor, { reference: o.reference, amount: 150_000 });
    expect(await getBalance(tenant.id)).toBe(150_000);
  });
});

describe("top-ups", () => {
  it("need an active subscription and at least one month's fee", async () => {
    restoreClock = setClock(new Date("2026-11-26T04:00:00Z"));
    const { tenant, actor } = await createBillingTenant();
    await expectRefused(() => createTopUp(actor, tenant.id, { amount: 10_000, method: "bank_transfer", idempotencyKey: requestId() }), "PRECONDITION_FAILED", /Order a plan first/);
    const o = await order(tenant.id, actor, { seats: 5 });
    await confirmBankTransfer(operatorActor, { reference: o.reference, amount: o.amount });
    // December is the first month: 8,337 fen with the remainder.
    await expectRefused(() => createTopUp(actor, tenant.id, { amount: 8_336, method: "bank_transfer", idempotencyKey: requestId() }), "BAD_INPUT", /at least one month's fee, ¥83\.37/);
    await expectRefused(() => createTopUp(actor, tenant.id, { amount: 8_400.5, method: "bank_transfer", idempotencyKey: requestId() }), "BAD_INPUT", /whole number/);
    const t = await createTopUp(actor, tenant.id, { amount: 8_337, method: "bank_transfer", idempotencyKey: requestId() });
    expect(t).toMatchObject({ kind: "top_up", amount: 8_337, status: "pending" });
    await confirmBankTransfer(operatorActor, { reference: t.reference, amount: 8_337 });
    expect(await getBalance(tenant.id)).toBe(108_337);
  });
});
