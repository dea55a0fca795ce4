import { clock } from "@/server/shared/clock";
import { env } from "@/server/shared/env";
import { moneyTransaction } from "../ledger/money-transaction";
import { applyStripeEvent } from "./apply-stripe-event";
import { Stripe } from "./stripe-client";

/** Stripe's recommended window: a signature older than this is a stale or replayed delivery. */
export const SIGNATURE_TOLERANCE_S = 300;

export type StripeWebhookResponse = { status: 200 | 400 | 503; body: Record<string, unknown> };

const refuse = (error: string): StripeWebhookResponse => ({ status: 400, body: { error } });

/** The first sentence of the package's message, without its tutorial links. */
function signatureProblem(e: unknown): string {
  if (!(e instanceof Stripe.errors.StripeSignatureVerificationError)) return "Invalid Stripe event: the signed payload is not a Stripe event";
  if (e.message.startsWith("Timestamp outside")) {
    return `Stale Stripe signature: it was made more than ${SIGNATURE_TOLERANCE_S} s ago (a late or replayed delivery)`;
  }
  return `Invalid Stripe signature: ${e.message.split(/[.\n]/)[0]}`;
}

/**
 * POST /api/stripe/webhook. Only an event whose signature verifies with our webhook secret, made
 * within the tolerance of our clock, is trusted; anything else is refused before a single row is
 * written. Errors other than these (the database being down) propagate, so the route answers 500
 * and Stripe delivers the event again later.
 */
export async function handleStripeWebhook(rawBody: string, signature: string | null): Promise<StripeWebhookResponse> {
  const secret = env().STRIPE_WEBHOOK_SECRET;
  if (!secret) {
    return { status: 503, body: { error: "Stripe webhooks are not set up on this portal (no webhook secret is configured)" } };
  }
  if (!signature?.trim()) return refuse("Missing Stripe-Signature header: only Stripe may call this address");
  let event: Stripe.Event;
  try {
    event = Stripe.webhooks.constructEvent(rawBody, signature, secret, SIGNATURE_TOLERANCE_S, undefined, clock.now().getTime());
  } catch (e) {
    return refuse(signatureProblem(e));
  }
  const outcome = await moneyTransaction((tx) => applyStripeEvent(tx, event));
  return { status: 200, body: { received: true, ...outcome } };
}
