import Stripe from "stripe";
import { env } from "@/server/shared/env";
import { DomainError } from "@/server/shared/errors";
import { stripeEnabled } from "../orders/payment-method";

export { Stripe };

let cached: { signature: string; client: Stripe } | undefined;

/**
 * The Stripe API client, built from the configuration. The API version is pinned to the one
 * the installed package's types describe, so a change of account default on Stripe's side never
 * changes the shape of what we read. Ten seconds and two retries keep a customer's click from
 * hanging for the package's default 80 s; retries of a POST reuse our idempotency key.
 */
export function stripeClient(): Stripe {
  if (!stripeEnabled()) {
    throw new DomainError("UNAVAILABLE", "Card payment is not set up on this portal: pay by bank transfer instead");
  }
  const { STRIPE_SECRET_KEY, STRIPE_API_URL } = env();
  const signature = `${STRIPE_SECRET_KEY}|${STRIPE_API_URL}`;
  if (cached?.signature !== signature) {
    // STRIPE_API_URL is api.stripe.com in production; tests point it at a local recorder.
    const url = new URL(STRIPE_API_URL);
    const protocol = url.protocol === "http:" ? "http" : "https";
    const client = new Stripe(STRIPE_SECRET_KEY!, {
      apiVersion: Stripe.API_VERSION,
      maxNetworkRetries: 2,
      timeout: 10_000,
      host: url.hostname,
      port: url.port || (protocol === "http" ? 80 : 443),
      protocol,
      telemetry: false,
    });
    cached = { signature, client };
  }
  return cached.client;
}
