import { handleStripeWebhook } from "@/server/billing/stripe/handle-stripe-webhook";
import { logger } from "@/server/shared/logger";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const log = logger("stripe");

/**
 * Stripe's deliveries. The signature covers the exact bytes sent, so the body is read as text and
 * handed over untouched (never parsed and re-serialised first).
 */
export async function POST(req: Request) {
  const rawBody = await req.text();
  try {
    const { status, body } = await handleStripeWebhook(rawBody, req.headers.get("stripe-signature"));
    return Response.json(body, { status, headers: { "cache-control": "no-store" } });
  } catch (e) {
    // Nothing was committed (the event row and the payment share one transaction): a 500 makes
    // Stripe deliver the event again later.
    log.error("Stripe webhook failed", { error: e instanceof Error ? e.message : String(e) });
    return Response.json({ error: "The event could not be recorded; Stripe will deliver it again" }, { status: 500 });
  }
}
