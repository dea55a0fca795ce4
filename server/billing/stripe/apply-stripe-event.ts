import { Prisma, type Order } from "@/server/generated/prisma/client.ts";
import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { clock } from "@/server/shared/clock";
import { formatFen, toFen } from "@/server/shared/money";
import { applyOrderPayment } from "../orders/apply-order-payment";
import { lockTenant } from "../ledger/lock-tenant";
import type { Tx } from "../ledger/money-transaction";
import type { Stripe } from "./stripe-client";

export type StripeEventOutcome = {
  duplicate?: true;
  /** The reference of the order this event paid. */
  paid?: string;
  /** Why a payment event changed nothing. */
  ignored?: string;
};

type SessionEvent = Stripe.CheckoutSessionCompletedEvent | Stripe.CheckoutSessionAsyncPaymentSucceededEvent;

// A card payment completes the session at once (payment_status "paid"); slower methods complete
// it "unpaid" and pay later with async_payment_succeeded. Either way one session pays once.
const isPayingEvent = (e: Stripe.Event): e is SessionEvent =>
  e.type === "checkout.session.completed" || e.type === "checkout.session.async_payment_succeeded";

const SYSTEM: AuditActor = { id: null, email: null, role: null, tenantId: null, ip: null };

async function findOrder(tx: Tx, session: Stripe.Checkout.Session): Promise<Order | null> {
  const orderId = session.metadata?.orderId;
  const byId = orderId ? await tx.order.findUnique({ where: { id: orderId } }) : null;
  return byId ?? tx.order.findUnique({ where: { stripeSessionId: session.id } });
}

/** Why this paid session cannot (or need not) become a payment of this order; null when it should. */
function mismatch(order: Order | null, session: Stripe.Checkout.Session): string | null {
  if (!order) return "No order matches this Checkout Session: refund the card payment in Stripe";
  const expected = toFen(order.amount);
  if (session.amount_total !== expected || session.currency?.toUpperCase() !== order.currency) {
    const got = `${session.currency?.toUpperCase() ?? "?"} ${session.amount_total ?? "?"}`;
    return `Stripe collected ${got} (minor units) but order ${order.reference} is ${formatFen(expected, order.currency)}: settle the difference by hand`;
  }
  if (order.status === "cancelled") return `Order ${order.reference} was cancelled before the card payment: refund it in Stripe`;
  const sameSession = order.method === "stripe" && order.stripeSessionId === session.id;
  if (order.status === "paid" && !sameSession) {
    return `Order ${order.reference} was already paid another way: refund the card payment in Stripe`;
  }
  return null;
}

/**
 * Stores one verified Stripe event and acts on it, inside the caller's money transaction.
 * The StripeEvent row (primary key = Stripe's event id) is the first write: a redelivery of the
 * same event, even 20 at once, waits on that key and then fails with a duplicate, so exactly one
 * delivery gets past this line, and its payment commits together with the row or not at all.
 */
export async function applyStripeEvent(tx: Tx, event: Stripe.Event): Promise<StripeEventOutcome> {
  const session = isPayingEvent(event) ? event.data.object : null;
  const order = session ? await findOrder(tx, session) : null;
  try {
    await tx.stripeEvent.create({ data: { id: event.id, type: event.type.slice(0, 80), orderId: order?.id ?? null, receivedAt: clock.now() } });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") return { duplicate: true };
    throw e;
  }
  if (!session || session.payment_status !== "paid") return {};
  const tenant = order && (await lockTenant(tx, order.tenantId));
  // Read again under the lock: a bank transfer confirmed a moment ago must be seen here.
  const current = order && (await tx.order.findUniqueOrThrow({ where: { id: order.id } }));
  const problem = mismatch(current, session);
  if (problem) {
    // Money arrived that we cannot book automatically. Answering an error would only make Stripe
    // redeliver the same event for days with the same result; instead an operator is told through
    // a failure row in the operation log, and the event is acknowledged.
    await recordAudit(
      SYSTEM,
      {
        action: "billing.stripe.mismatch",
        result: "failure",
        tenantId: current?.tenantId ?? session.metadata?.tenantId ?? null,
        target: current ? { type: "order", id: current.id } : null,
        details: {
          reason: problem,
          eventId: event.id,
          sessionId: session.id,
          paymentIntent: typeof session.payment_intent === "string" ? session.payment_intent : (session.payment_intent?.id ?? null),
          amountTotal: session.amount_total,
          currency: session.currency,
        },
      },
      tx,
    );
    return { ignored: problem };
  }
  if (!tenant || !current || current.status === "paid") return {}; // this very session already paid it
  await applyOrderPayment(tx, { tenant, order: current, amount: toFen(current.amount), method: "stripe", actor: null, note: `Card payment (Stripe ${session.id})` });
  return { paid: current.reference };
}
