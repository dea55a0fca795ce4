import { z } from "zod";

export const ZCreateCheckoutSessionRequest = z.object({
  orderId: z
    .string({ message: "Choose the order to pay" })
    .trim()
    .min(1, "Choose the order to pay")
    .max(191, "This is not an order id"),
});
export type TCreateCheckoutSessionRequest = z.infer<typeof ZCreateCheckoutSessionRequest>;

export type CheckoutSessionResult = {
  /** Stripe's hosted payment page; the browser goes there. */
  url: string;
};
