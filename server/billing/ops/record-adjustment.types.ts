import { z } from "zod";
import { ZIdempotencyKey } from "../orders/create-order.types";
import { ZTenantId, type LedgerEntryView } from "../ledger/list-ledger-entries.types";

export const REASON_MESSAGE = "Give a reason of 5 to 500 characters: it is kept in the ledger and the operation log";

export const ZRecordAdjustmentRequest = z.object({
  tenantId: ZTenantId,
  /** Signed fen: positive credits the balance, negative debits it. Checked in the use case. */
  amount: z.number({ message: "The amount is not a number: enter whole fen, e.g. 10000 for ¥100.00" }),
  reason: z.string({ message: REASON_MESSAGE }).trim().min(5, REASON_MESSAGE).max(500, REASON_MESSAGE),
  /** Book a negative amount as a refund (money paid back to the customer) rather than an adjustment. */
  refund: z.boolean({ message: "refund is true or false" }).default(false),
  idempotencyKey: ZIdempotencyKey,
});
export type TRecordAdjustmentRequest = z.infer<typeof ZRecordAdjustmentRequest>;

export type RecordAdjustmentResult = {
  entry: LedgerEntryView;
  /** False when the request id was seen before: the first result is returned and nothing is written. */
  created: boolean;
  balance: number;
  /** The adjustment paid the unpaid month of a tenant suspended for non-payment. */
  reactivated: boolean;
};
