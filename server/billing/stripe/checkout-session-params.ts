import type { Order } from "@/server/generated/prisma/client.ts";
import { env } from "@/server/shared/env";
import { DomainError } from "@/server/shared/errors";
import { formatFen, toFen } from "@/server/shared/money";
import type { Stripe } from "./stripe-client";

/**
 * Stripe's largest charge is eight digits of the minor unit (¥999,999.99 in CNY); a larger order
 * would be refused by Stripe with a message the customer cannot act on, so we say it first.
 */
export const STRIPE_MAX_AMOUNT_FEN = 99_999_999;

/** What the customer sees on Stripe's page: the plan, seats and term, or a top-up. */
export function checkoutProductName(order: Order, planName: string | null): string {
  if (order.kind === "top_up") return "Mailstead balance top-up";
  const years = order.termYears ?? 1;
  return `Mailstead ${planName ?? "subscription"} × ${order.seats ?? 0} seats × ${years} year${years === 1 ? "" : "s"}`;
}

/**
 * The Checkout Session for one order: a single line of exactly the order's amount, so that the
 * webhook can compare what Stripe collected with what the order asks for. The order id travels in
 * both client_reference_id and metadata; the webhook reads metadata first.
 */
export function checkoutSessionParams(order: Order, planName: string | null): Stripe.Checkout.SessionCreateParams {
  const amount = toFen(order.amount);
  if (amount > STRIPE_MAX_AMOUNT_FEN) {
    throw new DomainError(
      "PRECONDITION_FAILED",
      `Order ${order.reference} (${formatFen(amount, order.currency)}) is above the card payment limit of ${formatFen(STRIPE_MAX_AMOUNT_FEN, order.currency)}: pay it by bank transfer`,
    );
  }
  const base = env().PUBLIC_URL.replace(/\/+$/, "");
  return {
    mode: "payment",
    line_items: [
      {
        quantity: 1,
        price_data: {
          currency: order.currency.toLowerCase(),
          unit_amount: amount,
          product_data: { name: checkoutProductName(order, planName), description: `Order ${order.reference}` },
        },
      },
    ],
    client_reference_id: order.id,
    metadata: { orderId: order.id, tenantId: order.tenantId, reference: order.reference },
    success_url: `${base}/console/billing?paid=${encodeURIComponent(order.reference)}`,
    cancel_url: `${base}/console/billing`,
  };
}
