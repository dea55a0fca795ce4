import { router } from "@/server/trpc/init";
import { authedProcedure, clientProcedure } from "@/server/trpc/procedures";
import { actorOf } from "@/server/trpc/context";
import { stripeEnabled } from "../orders/payment-method";
import { createCheckoutSession } from "./create-checkout-session";
import { ZCreateCheckoutSessionRequest } from "./create-checkout-session.types";

// Card payment through Stripe Checkout. The payment itself arrives by webhook
// (app/api/stripe/webhook), never through these procedures.
export const stripeRouter = router({
  /** Whether the billing page may offer card payment. */
  status: authedProcedure.query(() => ({ enabled: stripeEnabled() })),
  checkout: clientProcedure
    .input(ZCreateCheckoutSessionRequest)
    .mutation(({ ctx, input }) => createCheckoutSession(actorOf(ctx), ctx.tenantId, input, { actingResellerId: ctx.actingResellerId })),
});
