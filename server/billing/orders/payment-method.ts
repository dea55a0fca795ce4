import type { AuditActor } from "@/server/audit/record-audit";
import { env } from "@/server/shared/env";
import { DomainError, say } from "@/server/shared/errors";
import type { TOrderPaymentMethod } from "./create-order.types";

/** Card payment exists only where Stripe is configured; bank transfer always does. */
export function stripeEnabled(): boolean {
  const { STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET } = env();
  return Boolean(STRIPE_SECRET_KEY && STRIPE_WEBHOOK_SECRET);
}

/**
 * Whether `actor` may pay this way. The reseller account is the reseller's credit with the
 * platform: only a reseller acting for its client may spend it, never the client's own admin.
 */
export function assertPaymentMethod(method: TOrderPaymentMethod, actor?: Pick<AuditActor, "role">): void {
  if (method === "stripe" && !stripeEnabled()) {
    throw new DomainError("BAD_INPUT", "Card payment is not available here: pay by bank transfer", {
      method: ["Card payment is not available here: pay by bank transfer"],
    });
  }
  if (method === "reseller_account" && actor?.role !== "reseller") {
    const text = say("Only your reseller can pay from its reseller account: pay by bank transfer or card", "只有经销商可以用经销商账户支付；请使用银行转账或银行卡支付");
    throw new DomainError("BAD_INPUT", text, { method: [text] });
  }
}

/**
 * Whether a retried request asks for the same payment as the order its key made. Only paying on
 * the reseller's account is told apart: that order is paid at once and its method never changes,
 * while bank transfer and card both leave it pending (starting a card payment rewrites the
 * method), so a retry of either still finds its order.
 */
export const samePayment = (first: { method: string }, asked: string) => (first.method === "reseller_account") === (asked === "reseller_account");
