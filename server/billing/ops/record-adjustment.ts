import type { AuditActor } from "@/server/audit/record-audit";
import { recordAudit } from "@/server/audit/record-audit";
import { DomainError } from "@/server/shared/errors";
import { formatFen, MAX_AMOUNT_FEN, toFen } from "@/server/shared/money";
import { appendLedgerEntry } from "../ledger/append-ledger-entry";
import { getBalance } from "../ledger/get-balance";
import { toLedgerEntryView } from "../ledger/list-ledger-entries";
import { lockTenant } from "../ledger/lock-tenant";
import { moneyTransaction } from "../ledger/money-transaction";
import { reactivateIfPaid } from "../subscriptions/reactivate-if-paid";
import { REASON_MESSAGE, type RecordAdjustmentResult, type TRecordAdjustmentRequest } from "./record-adjustment.types";

// Balances are kept in CNY: every plan, order and charge so far is in CNY.
const CURRENCY = "CNY";

export const adjustmentKey = (idempotencyKey: string) => `adjustment:${idempotencyKey}`;

function refuse(field: string, message: string): never {
  throw new DomainError("BAD_INPUT", message, { [field]: [message] });
}

/** The checks zod leaves to us, so a direct caller (script, test) gets the same clear refusals. */
function assertValid(input: TRecordAdjustmentRequest): void {
  const { amount, refund } = input;
  if (!Number.isFinite(amount)) refuse("amount", "The amount is not a number: enter whole fen, e.g. 10000 for ¥100.00");
  if (!Number.isInteger(amount)) refuse("amount", "The amount must be a whole number of fen (no fractions of a fen)");
  if (amount === 0) refuse("amount", "The amount must not be zero: a positive amount credits the balance, a negative one debits it");
  if (Math.abs(amount) > MAX_AMOUNT_FEN) refuse("amount", `The amount must be at most ${formatFen(MAX_AMOUNT_FEN)} either way`);
  if (refund && amount > 0) refuse("amount", "A refund takes money out of the balance: enter it as a negative amount");
  const reason = input.reason.trim();
  if (reason.length < 5 || reason.length > 500) refuse("reason", REASON_MESSAGE);
}

/**
 * An operator corrects a tenant's balance (or books a refund) with a reason. Appended once per
 * request id: a retry, or 20 clicks at once, finds the first entry under the tenant lock and
 * returns it. A credit that lets a tenant suspended for non-payment pay its month reactivates it.
 */
export async function recordAdjustment(actor: AuditActor, input: TRecordAdjustmentRequest): Promise<RecordAdjustmentResult> {
  assertValid(input);
  const kind = input.refund ? "refund" : "adjustment";
  const reason = input.reason.trim();
  const key = adjustmentKey(input.idempotencyKey);
  return moneyTransaction(async (tx) => {
    const tenant = await lockTenant(tx, input.tenantId);
    const repeated = await tx.ledgerEntry.findUnique({ where: { idempotencyKey: key } });
    if (repeated) {
      if (repeated.tenantId !== input.tenantId || toFen(repeated.amount) !== input.amount || repeated.kind !== kind) {
        throw new DomainError("CONFLICT", "This request id was already used for a different adjustment");
      }
      return { entry: toLedgerEntryView(repeated), created: false, balance: await getBalance(tenant.id, tx), reactivated: false };
    }
    const { entry } = await appendLedgerEntry(tx, {
      tenantId: tenant.id,
      kind,
      amount: input.amount,
      currency: CURRENCY,
      idempotencyKey: key,
      actor: { id: actor.id, role: actor.role },
      note: reason,
    });
    const balance = await getBalance(tenant.id, tx);
    await recordAudit(
      actor,
      {
        action: "billing.adjustment",
        tenantId: tenant.id,
        target: { type: "ledger_entry", id: entry.id },
        details: { kind, amount: input.amount, reason, balanceAfter: balance },
      },
      tx,
    );
    const reactivated = input.amount > 0 ? await reactivateIfPaid(tx, tenant, actor) : false;
    const { tenantId: _tenant, idempotencyKey: _key, ...written } = entry;
    return { entry: { ...written, actorRole: actor.role }, created: true, balance: reactivated ? await getBalance(tenant.id, tx) : balance, reactivated };
  });
}
