import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/shared/db";
import { DomainError } from "@/server/shared/errors";
import { createCheckoutSession } from "./create-checkout-session";
import { configureStripe, customerWithOrder, SECRET_KEY, stripeRecorder, topUpOrder } from "./stripe-test-fixtures";

let stripe: Awaited<ReturnType<typeof stripeRecorder>>;

beforeAll(async () => {
  stripe = await stripeRecorder();
});
afterAll(async () => {
  configureStripe(null);
  await stripe.close();
});
beforeEach(() => {
  configureStripe(stripe.url);
  stripe.failWith(null);
  stripe.requests.length = 0;
});

const orderRow = (id: string) => db.order.findUniqueOrThrow({ where: { id } });
const checkoutAudits = (orderId: string) => db.auditEvent.count({ where: { action: "billing.checkout.create", targetId: orderId } });

async function domainError(call: Promise<unknown>): Promise<DomainError> {
  const e = await call.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(DomainError);
  return e as DomainError;
}

describe("createCheckoutSession", () => {
  it("sends Stripe the order as one line item, keyed by the order, and stores the session", async () => {
    const { actor, tenant, order, plan } = await customerWithOrder();
    const result = await createCheckoutSession(actor, tenant.id, { orderId: order.id });
    expect(stripe.requests).toHaveLength(1);
    const [req] = stripe.requests;
    expect(req).toMatchObject({ method: "POST", path: "/v1/checkout/sessions" });
    expect(req!.headers["idempotency-key"]).toBe(`checkout:${order.id}`);
    expect(req!.headers.authorization).toBe(`Bearer ${SECRET_KEY}`);
    expect(req!.headers["content-type"]).toMatch(/^application\/x-www-form-urlencoded/);
    expect(Object.fromEntries(req!.form)).toMatchObject({
      mode: "payment",
      "line_items[0][quantity]": "1",
      "line_items[0][price_data][currency]": "cny",
      "line_items[0][price_data][unit_amount]": "2000000",
      "line_items[0][price_data][product_data][name]": `Mailstead ${plan.name} × 100 seats × 1 year`,
      client_reference_id: order.id,
      "metadata[orderId]": order.id,
      "metadata[tenantId]": tenant.id,
      "metadata[reference]": order.reference,
      success_url: `https://portal.example.test/console/billing?paid=${order.reference}`,
      cancel_url: "https://portal.example.test/console/billing",
    });
    const stored = await orderRow(order.id);
    expect(stored).toMatchObject({ method: "stripe", status: "pending", stripeSessionId: expect.stringMatching(/^cs_test_/) });
    expect(result.url).toBe(`https://checkout.stripe.com/c/pay/${stored.stripeSessionId}#fidkdWxOYHwnPyd1blpxYHZxWjA0`);
    expect(await checkoutAudits(order.id)).toBe(1);
  });

  it("reuses the open session on a second click instead of opening another", async () => {
    const { actor, tenant, order } = await customerWithOrder();
    const first = await createCheckoutSession(actor, tenant.id, { orderId: order.id });
    const second = await createCheckoutSession(actor, tenant.id, { orderId: order.id });
    expect(second.url).toBe(first.url);
    expect(stripe.requests.map((r) => r.method)).toEqual(["POST", "GET"]);
  });

  it("replaces an expired session under a key of its own, and refuses once the session is paid", async () => {
    const { actor, tenant, order } = await customerWithOrder();
    await createCheckoutSession(actor, tenant.id, { orderId: order.id });
    const expired = (await orderRow(order.id)).stripeSessionId!;
    stripe.setStatus(expired, "expired");
    const again = await createCheckoutSession(actor, tenant.id, { orderId: order.id });
    expect(stripe.requests.at(-1)!.headers["idempotency-key"]).toBe(`checkout:${order.id}:after:${expired}`);
    const replacement = (await orderRow(order.id)).stripeSessionId!;
    expect(replacement).not.toBe(expired);
    expect(again.url).toContain(replacement);
    stripe.setStatus(replacement, "complete");
    const e = await domainError(createCheckoutSession(actor, tenant.id, { orderId: order.id }));
    expect(e).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/went through/) });
  });

  it("brings a reseller paying for its client back to that client's page in the reseller portal", async () => {
    const { actor, tenant, order } = await customerWithOrder();
    await createCheckoutSession(actor, tenant.id, { orderId: order.id }, { actingResellerId: "reseller-1" });
    const form = stripe.requests[0]!.form;
    expect(form.get("success_url")).toBe(`https://portal.example.test/reseller/clients/${tenant.id}/billing?paid=${order.reference}`);
    expect(form.get("cancel_url")).toBe(`https://portal.example.test/reseller/clients/${tenant.id}/billing`);
  });

  it("opens no second session from the other portal while one is open (both could be paid), and one of its own once that expired", async () => {
    const { actor, tenant, order } = await customerWithOrder();
    const reseller = { actingResellerId: "reseller-1" };
    await createCheckoutSession(actor, tenant.id, { orderId: order.id });
    const consoleSession = (await orderRow(order.id)).stripeSessionId!;
    await expect(createCheckoutSession(actor, tenant.id, { orderId: order.id }, reseller)).rejects.toMatchObject({
      code: "CONFLICT",
      message: `A card payment for order ${order.reference} is already open in the other portal: finish it there, or pay by bank transfer`,
    });
    expect(stripe.requests.filter((r) => r.method === "POST")).toHaveLength(1);
    expect((await orderRow(order.id)).stripeSessionId).toBe(consoleSession);

    stripe.setStatus(consoleSession, "expired");
    const byReseller = await createCheckoutSession(actor, tenant.id, { orderId: order.id }, reseller);
    const created = stripe.requests.filter((r) => r.method === "POST");
    expect(created).toHaveLength(2);
    expect(created[1]!.headers["idempotency-key"]).toBe(`checkout:${order.id}:reseller:after:${consoleSession}`);
    expect(created[1]!.form.get("success_url")).toBe(`https://portal.example.test/reseller/clients/${tenant.id}/billing?paid=${order.reference}`);
    // The reseller's second click reuses its own session.
    expect((await createCheckoutSession(actor, tenant.id, { orderId: order.id }, reseller)).url).toBe(byReseller.url);
    expect(stripe.requests.filter((r) => r.method === "POST")).toHaveLength(2);
  });

  it("names a top-up as such", async () => {
    const { actor, tenant } = await customerWithOrder();
    const topUp = await topUpOrder(tenant.id, 166_700);
    await createCheckoutSession(actor, tenant.id, { orderId: topUp.id });
    const form = stripe.requests[0]!.form;
    expect(form.get("line_items[0][price_data][product_data][name]")).toBe("Mailstead balance top-up");
    expect(form.get("line_items[0][price_data][unit_amount]")).toBe("166700");
  });
});

describe("createCheckoutSession refuses, and writes nothing", () => {
  it("another tenant's order → NOT_FOUND, without calling Stripe", async () => {
    const mine = await customerWithOrder();
    const theirs = await customerWithOrder();
    const e = await domainError(createCheckoutSession(mine.actor, mine.tenant.id, { orderId: theirs.order.id }));
    expect(e).toMatchObject({ code: "NOT_FOUND", message: "Order not found" });
    expect(stripe.requests).toHaveLength(0);
    expect(await orderRow(theirs.order.id)).toEqual(theirs.order);
  });

  it("a paid or cancelled order → CONFLICT naming the order", async () => {
    const { actor, tenant, order } = await customerWithOrder();
    await db.order.update({ where: { id: order.id }, data: { status: "paid" } });
    expect(await domainError(createCheckoutSession(actor, tenant.id, { orderId: order.id }))).toMatchObject({
      code: "CONFLICT",
      message: `Order ${order.reference} is already paid`,
    });
    const topUp = await topUpOrder(tenant.id, 10_000);
    await db.order.update({ where: { id: topUp.id }, data: { status: "cancelled" } });
    expect((await domainError(createCheckoutSession(actor, tenant.id, { orderId: topUp.id }))).message).toMatch(/was cancelled/);
    expect(stripe.requests).toHaveLength(0);
  });

  it("Stripe not configured → UNAVAILABLE pointing to bank transfer", async () => {
    const { actor, tenant, order } = await customerWithOrder();
    configureStripe(null);
    const e = await domainError(createCheckoutSession(actor, tenant.id, { orderId: order.id }));
    expect(e).toMatchObject({ code: "UNAVAILABLE", message: expect.stringMatching(/not set up.*bank transfer/) });
    expect(await orderRow(order.id)).toEqual(order);
  });

  it("an order above Stripe's per-charge limit → PRECONDITION_FAILED", async () => {
    const { actor, tenant } = await customerWithOrder();
    const big = await topUpOrder(tenant.id, 100_000_000);
    const e = await domainError(createCheckoutSession(actor, tenant.id, { orderId: big.id }));
    expect(e).toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringMatching(/above the card payment limit of ¥999,999\.99: pay it by bank transfer/) });
    expect(stripe.requests).toHaveLength(0);
  });

  it.each([
    ["500 (retried twice with the same key)", { status: 500, body: { error: { type: "api_error", message: "Internal" } } }, 3],
    ["400", { status: 400, body: { error: { type: "invalid_request_error", message: "Invalid currency" } } }, 1],
  ])("Stripe answering %s → UNAVAILABLE and the order unchanged", async (_name, reply, attempts) => {
    const { actor, tenant, order } = await customerWithOrder();
    stripe.failWith(reply);
    const e = await domainError(createCheckoutSession(actor, tenant.id, { orderId: order.id }));
    expect(e).toMatchObject({ code: "UNAVAILABLE", message: expect.stringMatching(/^Stripe could not start the card payment/) });
    expect(stripe.requests).toHaveLength(attempts);
    expect(new Set(stripe.requests.map((r) => r.headers["idempotency-key"]))).toEqual(new Set([`checkout:${order.id}`]));
    expect(await orderRow(order.id)).toEqual(order);
    expect(await checkoutAudits(order.id)).toBe(0);
  });
});
