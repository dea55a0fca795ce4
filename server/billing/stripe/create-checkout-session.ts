import type { Order } from "@/server/generated/prisma/client.ts";
import type { AuditActor } from "@/server/audit/record-audit";
import { recordAudit } from "@/server/audit/record-audit";
import { db } from "@/server/shared/db";
import { DomainError, notFound, say } from "@/server/shared/errors";
import { env } from "@/server/shared/env";
import { logger } from "@/server/shared/logger";
import { lockTenant } from "../ledger/lock-tenant";
import { moneyTransaction, type Tx } from "../ledger/money-transaction";
import { checkoutSessionParams } from "./checkout-session-params";
import { Stripe, stripeClient } from "./stripe-client";
import type { CheckoutSessionResult, TCreateCheckoutSessionRequest } from "./create-checkout-session.types";

const log = logger("stripe");

/** One of the tenant's orders that can still be paid; another tenant's order is simply not found. */
async function payableOrder(tx: Tx, tenantId: string, orderId: string): Promise<Order> {
  const order = await tx.order.findFirst({ where: { id: orderId, tenantId } });
  if (!order) throw notFound("Order");
  if (order.status === "paid") throw new DomainError("CONFLICT", `Order ${order.reference} is already paid`);
  if (order.status === "cancelled") {
    throw new DomainError("CONFLICT", `Order ${order.reference} was cancelled: place a new order to pay by card`);
  }
  return order;
}

/** Stripe being down or refusing is not the customer's fault: say so, and offer the other way to pay. */
async function callStripe<T>(what: string, orderId: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (e) {
    if (!(e instanceof Stripe.errors.StripeError)) throw e;
    log.warn(`Stripe refused to ${what}`, { orderId, type: e.type, status: e.statusCode, code: e.code, message: e.message });
    throw new DomainError("UNAVAILABLE", "Stripe could not start the card payment just now: try again in a few minutes, or pay by bank transfer");
  }
}

/**
 * A reseller paying by card for its client comes back to that client's billing page in the
 * reseller portal, not to the customer console (which it cannot open).
 */
function returningTo(params: Stripe.Checkout.SessionCreateParams, order: Order, actingResellerId: string | null): Stripe.Checkout.SessionCreateParams {
  if (!actingResellerId) return params;
  const base = env().PUBLIC_URL.replace(/\/+$/, "");
  const page = `${base}/reseller/clients/${encodeURIComponent(order.tenantId)}/billing`;
  return { ...params, success_url: `${page}?paid=${encodeURIComponent(order.reference)}`, cancel_url: page };
}

/**
 * The session to send the customer to. A click that is repeated (double click, back button,
 * a retry after a timeout) must not open a second session for the same order, which the customer
 * could then pay twice: the order's session is reused while it is open, and a new one is created
 * under an idempotency key derived from the order (and from the session it replaces).
 * A session comes back to one portal (the console, or the client's page in the reseller portal).
 * While one portal's session is open the other portal gets none: two open sessions could both be
 * paid. Once it has expired (Stripe closes them after 24 hours), a new one is made for the caller.
 */
async function openSession(stripe: Stripe, order: Order, planName: string | null, actingResellerId: string | null): Promise<Stripe.Checkout.Session> {
  const params = returningTo(checkoutSessionParams(order, planName), order, actingResellerId);
  let idempotencyKey = `checkout:${order.id}${actingResellerId ? ":reseller" : ""}`;
  if (order.stripeSessionId) {
    const previous = await callStripe("read a checkout session", order.id, () => stripe.checkout.sessions.retrieve(order.stripeSessionId!));
    if (previous.status === "complete") {
      throw new DomainError("CONFLICT", `Your card payment for order ${order.reference} went through: the order shows as paid within a minute`);
    }
    if (previous.status === "open" && previous.url) {
      if (previous.success_url === params.success_url) return previous;
      throw new DomainError(
        "CONFLICT",
        say(
          `A card payment for order ${order.reference} is already open in the other portal: finish it there, or pay by bank transfer`,
          `订单 ${order.reference} 已在另一端发起银行卡支付：请在那里完成支付，或改用银行转账`,
        ),
      );
    }
    idempotencyKey = `${idempotencyKey}:after:${previous.id}`;
  }
  return callStripe("create a checkout session", order.id, () => stripe.checkout.sessions.create(params, { idempotencyKey }));
}

/**
 * A customer chooses to pay a pending order (subscription or top-up) by card. No database
 * transaction is held while Stripe is called (up to ~30 s with retries); the order is checked
 * again under the tenant's lock afterwards, in case a bank transfer was confirmed meanwhile.
 */
export async function createCheckoutSession(
  actor: AuditActor,
  tenantId: string,
  input: TCreateCheckoutSessionRequest,
  opts: { actingResellerId?: string | null } = {},
): Promise<CheckoutSessionResult> {
  const stripe = stripeClient();
  const order = await payableOrder(db, tenantId, input.orderId);
  const plan = order.planId ? await db.plan.findUnique({ where: { id: order.planId }, select: { name: true } }) : null;
  const session = await openSession(stripe, order, plan?.name ?? null, opts.actingResellerId ?? null);
  if (!session.url) throw new DomainError("UNAVAILABLE", "Stripe did not return a payment page: try again, or pay by bank transfer");
  const url = session.url;
  return moneyTransaction(async (tx) => {
    await lockTenant(tx, tenantId);
    await payableOrder(tx, tenantId, order.id);
    await tx.order.update({ where: { id: order.id }, data: { stripeSessionId: session.id, method: "stripe" } });
    await recordAudit(
      actor,
      {
        action: "billing.checkout.create",
        tenantId,
        target: { type: "order", id: order.id },
        details: { reference: order.reference, sessionId: session.id, amount: Number(order.amount), reused: session.id === order.stripeSessionId },
      },
      tx,
    );
    return { url };
  });
}
