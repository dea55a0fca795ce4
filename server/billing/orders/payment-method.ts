import { env } from "@/server/shared/env";
import { DomainError } from "@/server/shared/errors";

/** Card payment exists only where Stripe is configured; bank transfer always does. */
export function stripeEnabled(): boolean {
  const { STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET } = env();
  return Boolean(STRIPE_SECRET_KEY && STRIPE_WEBHOOK_SECRET);
}

export function assertPaymentMethod(method: "bank_transfer" | "stripe"): void {
  if (method === "stripe" && !stripeEnabled()) {
    throw new DomainError("BAD_INPUT", "Card payment is not available here: pay by bank transfer", {
      method: ["Card payment is not available here: pay by bank transfer"],
    });
  }
}
