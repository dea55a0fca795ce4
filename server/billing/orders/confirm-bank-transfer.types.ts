import { z } from "zod";

export const ZConfirmBankTransferRequest = z.object({
  reference: z.string({ message: "Enter the order reference" }).trim().min(1, "Enter the order reference").max(40),
  /** What arrived on the provider's account, in fen. */
  amount: z.number({ message: "The amount must be a number of fen" }),
  note: z.string().trim().max(300, "The note can be at most 300 characters").optional(),
});
export type TConfirmBankTransferRequest = z.infer<typeof ZConfirmBankTransferRequest>;
