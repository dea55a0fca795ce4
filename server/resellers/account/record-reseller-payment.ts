import type { AuditActor } from "@/server/audit/record-audit";
import { assertPositiveFen } from "@/server/shared/money";
import type { TRecordResellerPaymentRequest } from "./account.types";
import { bookResellerEntry, resellerPaymentKey, type RecordResult } from "./book-reseller-entry";

/** An operator records money the reseller paid the platform (a bank transfer, with its reference). Once per request id. */
export async function recordResellerPayment(actor: AuditActor, input: TRecordResellerPaymentRequest): Promise<RecordResult> {
  assertPositiveFen(input.amount);
  return bookResellerEntry(actor, {
    resellerId: input.resellerId,
    kind: "payment",
    amount: input.amount,
    key: resellerPaymentKey(input.resellerId, input.idempotencyKey),
    reference: input.reference.trim(),
    note: input.note?.trim() || null,
    action: "resellers.account.payment",
  });
}

