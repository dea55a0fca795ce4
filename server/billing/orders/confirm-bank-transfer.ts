import type { AuditActor } from "@/server/audit/record-audit";
import { DomainError } from "@/server/shared/errors";
import { assertPositiveFen, formatFen } from "@/server/shared/money";
import { lockTenant } from "../ledger/lock-tenant";
import { moneyTransaction } from "../ledger/money-transaction";
import type { LedgerEntryRow } from "../ledger/append-ledger-entry";
import { toLedgerRow } from "../ledger/append-ledger-entry";
import { applyOrderPayment, orderPaymentKey } from "./apply-order-payment";
import { normaliseOrderReference } from "./order-reference";
import { toOrderView, type OrderView } from "./order-view";
import type { TConfirmBankTransferRequest } from "./confirm-bank-transfer.types";

export type ConfirmResult = { order: OrderView; payment: LedgerEntryRow; alreadyConfirmed: boolean };

/**
 * An operator records a transfer that arrived on the provider's account against the order's
 * reference. Two operators confirming the same transfer at once make one payment: both take the
 * tenant's lock, and the second finds the order paid and gets the first result back.
 */
export async function confirmBankTransfer(actor: AuditActor, input: TConfirmBankTransferRequest): Promise<ConfirmResult> {
  assertPositiveFen(input.amount);
  const reference = normaliseOrderReference(input.reference);
  return moneyTransaction(async (tx) => {
    const found = await tx.order.findUnique({ where: { reference }, select: { tenantId: true } });
    if (!found) {
      throw new DomainError("NOT_FOUND", `No order has the reference ${reference}`, { reference: [`No order has the reference ${reference}`] });
    }
    const tenant = await lockTenant(tx, found.tenantId);
    const order = await tx.order.findUniqueOrThrow({ where: { reference } });
    if (order.status === "paid") {
      const payment = await tx.ledgerEntry.findUniqueOrThrow({ where: { idempotencyKey: orderPaymentKey(order.id) } });
      return { order: toOrderView(order), payment: toLedgerRow(payment), alreadyConfirmed: true };
    }
    if (order.status === "cancelled") {
      throw new DomainError("CONFLICT", `Order ${reference} was cancelled: record the money as an adjustment, or ask the customer to order again`);
    }
    if (input.amount < Number(order.amount)) {
      const message = `The transfer (${formatFen(input.amount)}) is less than order ${reference} (${formatFen(Number(order.amount))}): ask the customer to send the rest, then record the whole amount`;
      throw new DomainError("BAD_INPUT", message, { amount: [message] });
    }
    const payment = await applyOrderPayment(tx, { tenant, order, amount: input.amount, method: "bank_transfer", actor, note: input.note });
    const paid = await tx.order.findUniqueOrThrow({ where: { id: order.id } });
    return { order: toOrderView(paid), payment, alreadyConfirmed: false };
  });
}
