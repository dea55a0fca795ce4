import { z } from "zod";

/** A client-made id for one submission: a retry with the same id returns the first result. */
export const ZIdempotencyKey = z
  .string({ message: "A request id is required" })
  .trim()
  .min(8, "The request id must be 8 to 100 characters")
  .max(100, "The request id must be 8 to 100 characters")
  .regex(/^[\w-]+$/, "The request id may hold only letters, digits, - and _");

// Seats are any finite number here so that the seat-tier rule, not zod, explains a refusal
// ("103 seats is not a count we sell … Choose 100 or 110").
export const ZSeats = z.number({ message: "Seats must be a number" }).finite("Seats must be a number");

// reseller_account: a reseller acting for its client pays at its wholesale price on its own
// account with the platform (checked against the actor's role in assertPaymentMethod).
const ZPaymentMethod = z
  .enum(["bank_transfer", "stripe", "reseller_account"], { message: "Choose bank transfer, card or the reseller account" })
  .default("bank_transfer");
export type TOrderPaymentMethod = z.infer<typeof ZPaymentMethod>;

export const ZCreateOrderRequest = z.object({
  planId: z.string().min(1, "Choose a plan").max(191),
  seats: ZSeats,
  termYears: z
    .number({ message: "The term must be a number of years" })
    .int("The term must be whole years")
    .min(1, "Prepay at least one year")
    .max(10, "The term can be at most 10 years"),
  startRule: z.enum(["on_payment", "on_mx_verified"]).default("on_payment"),
  method: ZPaymentMethod,
  idempotencyKey: ZIdempotencyKey,
});
export type TCreateOrderRequest = z.infer<typeof ZCreateOrderRequest>;

export const ZCreateTopUpRequest = z.object({
  amount: z.number({ message: "The amount must be a number of fen" }),
  method: ZPaymentMethod,
  idempotencyKey: ZIdempotencyKey,
});
export type TCreateTopUpRequest = z.infer<typeof ZCreateTopUpRequest>;

export const ZOrderIdRequest = z.object({ orderId: z.string().min(1).max(191) });
