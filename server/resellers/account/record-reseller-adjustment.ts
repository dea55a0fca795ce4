import type { AuditActor } from "@/server/audit/record-audit";
import { DomainError, say } from "@/server/shared/errors";
import { formatFen, MAX_AMOUNT_FEN } from "@/server/shared/money";
import { ADJUSTMENT_REASON_MESSAGE, type TRecordResellerAdjustmentRequest } from "./account.types";
import { bookResellerEntry, resellerAdjustmentKey, type RecordResult } from "./book-reseller-entry";

/** An operator corrects a reseller's account (signed; positive credits it) with a reason. Once per request id. */
export async function recordResellerAdjustment(actor: AuditActor, input: TRecordResellerAdjustmentRequest): Promise<RecordResult> {
  const { amount } = input;
  if (!Number.isInteger(amount) || amount === 0 || Math.abs(amount) > MAX_AMOUNT_FEN) {
    const text = say(
      `The amount must be a whole number of fen, not zero, at most ${formatFen(MAX_AMOUNT_FEN)} either way (positive credits the reseller)`,
      `金额须为非零整数（分），绝对值不超过 ${formatFen(MAX_AMOUNT_FEN)}（正数为给经销商入账）`,
    );
    throw new DomainError("BAD_INPUT", text, { amount: [text] });
  }
  const reason = input.reason.trim();
  if (reason.length < 5 || reason.length > 500) throw new DomainError("BAD_INPUT", ADJUSTMENT_REASON_MESSAGE, { reason: [ADJUSTMENT_REASON_MESSAGE] });
  return bookResellerEntry(actor, {
    resellerId: input.resellerId,
    kind: "adjustment",
    amount,
    key: resellerAdjustmentKey(input.resellerId, input.idempotencyKey),
    reference: null,
    note: reason,
    action: "resellers.account.adjustment",
  });
}
