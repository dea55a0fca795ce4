import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setClock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { orderPaymentKey } from "../orders/apply-order-payment";
import { confirmBankTransfer } from "../orders/confirm-bank-transfer";
import { operatorActor } from "../plans/plan-test-fixtures";
import { POST } from "@/app/api/stripe/webhook/route";
import { handleStripeWebhook } from "./handle-stripe-webhook";
import { completedEvent, configureStripe, customerWithOrder, signed, topUpOrder, webhookWriteCounts } from "./stripe-test-fixtures";

let restoreClock: () => void;
beforeAll(() => {
  restoreClock = setClock(new Date("2026-03-15T04:00:00Z"));
});
afterAll(() => {
  restoreClock();
  configureStripe(null);
});
beforeEach(() => configureStripe("http://127.0.0.1:9"));

const deliver = (event: unknown, opts?: Parameters<typeof signed>[1]) => {
  const { payload, header } = signed(event, opts);
  return handleStripeWebhook(payload, header);
};
const payments = (orderId: string) => db.ledgerEntry.findMany({ where: { idempotencyKey: orderPaymentKey(orderId) } });

describe("a verified checkout.session.completed", () => {
  it("pays the order: one ledger payment of the order's amount, order paid, subscription active", async () => {
    const { order, tenant } = await customerWithOrder();
    const event = completedEvent(order);
    const res = await deliver(event);
    expect(res).toEqual({ status: 200, body: { received: true, paid: order.reference } });
    const [payment] = await payments(order.id);
    expect(payment).toMatchObject({ tenantId: tenant.id, kind: "payment", amount: order.amount, currency: "CNY", reference: order.reference });
    expect(order.amount).toBe(2_000_000n); // 100 seats × ¥200 × 1 year
    const paid = await db.order.findUniqueOrThrow({ where: { id: order.id }, include: { subscription: true } });
    expect(paid).toMatchObject({ status: "paid", method: "stripe" });
    expect(paid.subscription).toMatchObject({ status: "active", billingStartMonth: "2026-04", termEndMonth: "2027-04" });
    expect(await db.stripeEvent.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({ type: "checkout.session.completed", orderId: order.id });
    expect(await db.auditEvent.count({ where: { action: "billing.payment.record", targetId: order.id } })).toBe(1);
  });

  it("accepts a signature made 299 s ago and pays a top-up into the balance", async () => {
    const { tenant } = await customerWithOrder();
    const topUp = await topUpOrder(tenant.id, 50_000);
    expect((await deliver(completedEvent(topUp), { ageSeconds: 299 })).status).toBe(200);
    expect((await payments(topUp.id)).map((p) => p.amount)).toEqual([50_000n]);
  });

  it("finds the order by its session id when the metadata is missing", async () => {
    const { order } = await customerWithOrder();
    const withSession = await db.order.update({ where: { id: order.id }, data: { stripeSessionId: "cs_test_fallback1", method: "stripe" } });
    expect((await deliver(completedEvent(withSession, { metadata: {} }))).body).toMatchObject({ paid: order.reference });
  });
});

describe("refused deliveries write nothing", () => {
  it.each([
    ["a wrong secret", { secret: "whsec_someoneelse0000" }, /Invalid Stripe signature: No signatures found matching/],
    ["a stale signature (301 s old)", { ageSeconds: 301 }, /Stale Stripe signature: .* more than 300 s ago/],
  ])("%s → 400", async (_name, opts, message) => {
    const { order } = await customerWithOrder();
    const before = await webhookWriteCounts();
    const res = await deliver(completedEvent(order), opts);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(message);
    expect(await webhookWriteCounts()).toEqual(before);
  });

  it("refuses a payload changed after signing, a missing header and a malformed one", async () => {
    const { order } = await customerWithOrder();
    const before = await webhookWriteCounts();
    const { payload, header } = signed(completedEvent(order));
    const tampered = payload.replace(`"amount_total":${order.amount}`, `"amount_total":1`);
    expect(await handleStripeWebhook(tampered, header)).toMatchObject({ status: 400, body: { error: expect.stringMatching(/^Invalid Stripe signature/) } });
    expect(await handleStripeWebhook(payload, null)).toMatchObject({ status: 400, body: { error: expect.stringMatching(/^Missing Stripe-Signature header/) } });
    expect(await handleStripeWebhook(payload, "")).toMatchObject({ status: 400 });
    expect(await handleStripeWebhook(payload, "t=abc,v9=zzz")).toMatchObject({ status: 400, body: { error: expect.stringMatching(/^Invalid Stripe signature/) } });
    expect(await webhookWriteCounts()).toEqual(before);
  });

  it("answers 503 when no webhook secret is configured", async () => {
    const { order } = await customerWithOrder();
    const { payload, header } = signed(completedEvent(order));
    configureStripe(null);
    const before = await webhookWriteCounts();
    expect(await handleStripeWebhook(payload, header)).toMatchObject({ status: 503, body: { error: expect.stringMatching(/not set up/) } });
    expect(await webhookWriteCounts()).toEqual(before);
  });
});

describe("replays", () => {
  it("acknowledges a replayed event as a duplicate and pays once", async () => {
    const { order } = await customerWithOrder();
    const event = completedEvent(order);
    await deliver(event);
    const before = await webhookWriteCounts();
    expect(await deliver(event)).toEqual({ status: 200, body: { received: true, duplicate: true } });
    expect(await webhookWriteCounts()).toEqual(before);
    expect(await payments(order.id)).toHaveLength(1);
  });

  it("20 parallel deliveries of one event make one StripeEvent row and one payment", async () => {
    const { order } = await customerWithOrder();
    const event = completedEvent(order);
    const results = await Promise.all(Array.from({ length: 20 }, () => deliver(event)));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(results.filter((r) => r.body.paid === order.reference)).toHaveLength(1);
    expect(results.filter((r) => r.body.duplicate)).toHaveLength(19);
    expect(await db.stripeEvent.count({ where: { id: event.id } })).toBe(1);
    expect(await payments(order.id)).toHaveLength(1);
    expect(await db.auditEvent.count({ where: { action: "billing.payment.record", targetId: order.id } })).toBe(1);
  });
});

describe("events that pay nothing", () => {
  it("records an amount mismatch as a failure in the operation log and pays nothing", async () => {
    const { order } = await customerWithOrder();
    const res = await deliver(completedEvent(order, { amount_total: Number(order.amount) - 1 }));
    expect(res.status).toBe(200);
    expect(res.body.ignored).toMatch(/Stripe collected CNY 1999999 .* is ¥20,000\.00/);
    expect(await payments(order.id)).toHaveLength(0);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("pending");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "billing.stripe.mismatch", targetId: order.id } });
    expect(audit).toMatchObject({ result: "failure", tenantId: order.tenantId, actorId: null });
  });

  it("records a currency mismatch and an unknown order the same way", async () => {
    const { order } = await customerWithOrder();
    expect((await deliver(completedEvent(order, { currency: "usd" }))).body.ignored).toMatch(/Stripe collected USD/);
    const ghost = { ...order, id: "no-such-order" };
    const res = await deliver(completedEvent(ghost, { metadata: { orderId: "no-such-order" } }));
    expect(res).toMatchObject({ status: 200, body: { ignored: expect.stringMatching(/^No order matches/) } });
    expect(await db.auditEvent.count({ where: { action: "billing.stripe.mismatch", result: "failure" } })).toBeGreaterThanOrEqual(2);
    expect(await payments(order.id)).toHaveLength(0);
  });

  it("stores an unpaid completion and an unknown event type without paying", async () => {
    const { order } = await customerWithOrder();
    const unpaid = completedEvent(order, { payment_status: "unpaid" });
    const other = { ...completedEvent(order), type: "customer.created", data: { object: { id: "cus_1", object: "customer" } } };
    expect(await deliver(unpaid)).toEqual({ status: 200, body: { received: true } });
    expect(await deliver(other)).toEqual({ status: 200, body: { received: true } });
    expect(await db.stripeEvent.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({ type: "customer.created", orderId: null });
    expect(await payments(order.id)).toHaveLength(0);
    // The later async success of the same session pays it.
    expect((await deliver(completedEvent(order, {}, "checkout.session.async_payment_succeeded"))).body.paid).toBe(order.reference);
  });
});

describe("bank transfer and card for the same order", () => {
  it("makes one payment when the transfer is confirmed first, and flags the card money for a refund", async () => {
    const { order } = await customerWithOrder();
    await confirmBankTransfer(operatorActor, { reference: order.reference, amount: Number(order.amount) });
    const res = await deliver(completedEvent(order));
    expect(res.body.ignored).toMatch(/already paid another way: refund/);
    expect(await payments(order.id)).toHaveLength(1);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).method).toBe("bank_transfer");
  });

  it("makes one payment when the card pays first and an operator then confirms the transfer", async () => {
    const { order } = await customerWithOrder();
    await deliver(completedEvent(order));
    const confirmed = await confirmBankTransfer(operatorActor, { reference: order.reference, amount: Number(order.amount) });
    expect(confirmed.alreadyConfirmed).toBe(true);
    expect(await payments(order.id)).toHaveLength(1);
  });
});

describe("POST /api/stripe/webhook", () => {
  const post = (body: string, signature?: string) =>
    POST(new Request("http://portal.test/api/stripe/webhook", { method: "POST", body, headers: signature ? { "stripe-signature": signature } : {} }));

  it("hands the raw body and the Stripe-Signature header to the use case", async () => {
    const { order } = await customerWithOrder();
    const { payload, header } = signed(completedEvent(order));
    const res = await post(payload, header);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ received: true, paid: order.reference });
    expect(await payments(order.id)).toHaveLength(1);
    const refused = await post(payload);
    expect(refused.status).toBe(400);
    expect((await refused.json()).error).toMatch(/Missing Stripe-Signature/);
  });
});
