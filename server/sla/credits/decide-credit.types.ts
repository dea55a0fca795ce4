import { z } from "zod";

export const REASON_MESSAGE = "Give a reason of 5 to 500 characters: it is kept with the credit and in the operation log";

export const ZCreditId = z.string({ message: "A credit id is required" }).trim().min(1, "A credit id is required").max(191, "That is not a credit id");

/**
 * approve: the proposed amount, or `amount` (fen) when adjusting — then a reason is required;
 * reject: a reason is required.
 */
export const ZDecideCreditRequest = z.object({
  creditId: ZCreditId,
  decision: z.enum(["approve", "reject"], { message: "The decision is approve or reject" }),
  amount: z.number({ message: "The amount is not a number: enter whole fen, e.g. 6900 for ¥69.00" }).optional(),
  reason: z.string({ message: REASON_MESSAGE }).trim().max(500, REASON_MESSAGE).optional(),
});
export type TDecideCreditRequest = z.infer<typeof ZDecideCreditRequest>;

export type CreditView = {
  id: string;
  tenantId: string;
  month: string;
  failureMinutes: number;
  creditMinutes: number;
  monthFee: number;
  proposedAmount: number;
  capAmount: number;
  amount: number | null;
  currency: string;
  status: "proposed" | "approved" | "rejected";
  reason: string | null;
  decidedById: string | null;
  decidedAt: Date | null;
  ledgerEntryId: string | null;
};

export type DecideCreditResult = { credit: CreditView; created: boolean; balance: number | null };
