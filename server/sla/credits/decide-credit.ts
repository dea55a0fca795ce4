import type { AuditActor } from "@/server/audit/record-audit";
import { recordAudit } from "@/server/audit/record-audit";
import { appendLedgerEntry } from "@/server/billing/ledger/append-ledger-entry";
import { getBalance } from "@/server/billing/ledger/get-balance";
import { lockTenant } from "@/server/billing/ledger/lock-tenant";
import { moneyTransaction, type Tx } from "@/server/billing/ledger/money-transaction";
import { reactivateIfPaid } from "@/server/billing/subscriptions/reactivate-if-paid";
import type { SlaCredit } from "@/server/generated/prisma/client";
import { clock } from "@/server/shared/clock";
import { DomainError, notFound, say } from "@/server/shared/errors";
import { formatFen, toFen } from "@/server/shared/money";
import { checkCreditAmount } from "../rules/credit";
import { toCreditView } from "./credit-view";
import { REASON_MESSAGE, type DecideCreditResult, type TDecideCreditRequest } from "./decide-credit.types";

// An operator reviews a proposed credit (issue 9 item 7): approve it as proposed, approve another
// amount (adjust: with a reason, never above the fees paid for the month), or reject it (with a
// reason). An approved credit lands as one sla_credit ledger entry, keyed by the credit's id, so
// approving twice — a double click, a retry, two operators at once — credits once: the second
// finds the decision under the tenant's lock and gets the first result back.

export const creditLedgerKey = (creditId: string) => `sla-credit:${creditId}`;

function refuse(field: string, en: string, zh: string): never {
  throw new DomainError("BAD_INPUT", say(en, zh), { [field]: [en] });
}

function reasonOf(input: TDecideCreditRequest, required: boolean): string | null {
  const reason = input.reason?.trim() ?? "";
  if (!reason && !required) return null;
  if (reason.length < 5 || reason.length > 500) refuse("reason", REASON_MESSAGE, "请填写 5 至 500 个字符的原因：它会随补偿记录和操作日志保存");
  return reason;
}

/** The amount to credit: the proposal, or the operator's adjustment within [0, cap]. */
function amountOf(credit: SlaCredit, input: TDecideCreditRequest): { amount: number; adjusted: boolean } {
  const proposed = toFen(credit.proposedAmount);
  if (input.amount === undefined || input.amount === proposed) return { amount: proposed, adjusted: false };
  if (!Number.isSafeInteger(input.amount)) refuse("amount", "The amount must be a whole number of fen", "金额须为整数（分）");
  return { amount: toFen(checkCreditAmount(BigInt(input.amount), credit.capAmount)), adjusted: true };
}

/** The same decision again returns the first; a different one is a conflict, never an overwrite. */
function repeated(credit: SlaCredit, input: TDecideCreditRequest): DecideCreditResult {
  const wanted = input.decision === "approve" ? "approved" : "rejected";
  if (credit.status !== wanted) {
    const en = `This credit was already ${credit.status} on ${credit.decidedAt?.toISOString() ?? "?"}; a decision is final`;
    throw new DomainError("CONFLICT", say(en, `该补偿已于 ${credit.decidedAt?.toISOString() ?? "?"} ${credit.status === "approved" ? "批准" : "驳回"}，决定不可更改`));
  }
  return { credit: toCreditView(credit), created: false, balance: null };
}

async function lockCredit(tx: Tx, creditId: string): Promise<SlaCredit> {
  const found = await tx.slaCredit.findUnique({ where: { id: creditId }, select: { tenantId: true } });
  if (!found) throw notFound("SLA credit");
  await lockTenant(tx, found.tenantId);
  // Read again under the tenant's lock: another operator may have decided meanwhile.
  return tx.slaCredit.findUniqueOrThrow({ where: { id: creditId } });
}

export async function decideCredit(actor: AuditActor, input: TDecideCreditRequest): Promise<DecideCreditResult> {
  return moneyTransaction(async (tx) => {
    const credit = await lockCredit(tx, input.creditId);
    if (credit.status !== "proposed") return repeated(credit, input);
    const decidedAt = clock.now();
    if (input.decision === "reject") {
      const reason = reasonOf(input, true);
      const updated = await tx.slaCredit.update({ where: { id: credit.id }, data: { status: "rejected", reason, decidedById: actor.id, decidedAt } });
      await recordAudit(actor, { action: "sla.credit.reject", tenantId: credit.tenantId, target: { type: "sla_credit", id: credit.id }, details: { month: credit.month, proposed: toFen(credit.proposedAmount), reason } }, tx);
      return { credit: toCreditView(updated), created: true, balance: null };
    }
    const { amount, adjusted } = amountOf(credit, input);
    const reason = reasonOf(input, adjusted);
    if (amount === 0) refuse("amount", "A credit of ¥0.00 credits nothing: reject the proposal instead, with a reason", "¥0.00 的补偿没有意义：请改为驳回并填写原因");
    const { entry } = await appendLedgerEntry(tx, {
      tenantId: credit.tenantId,
      kind: "sla_credit",
      amount,
      currency: credit.currency,
      idempotencyKey: creditLedgerKey(credit.id),
      reference: credit.id,
      billingMonth: credit.month,
      actor: { id: actor.id, role: actor.role },
      note: `SLA ${credit.month}: 2 × ${credit.failureMinutes} min = ${credit.creditMinutes} min of service${adjusted ? `; adjusted from ${formatFen(toFen(credit.proposedAmount))}: ${reason}` : ""}`,
    });
    const updated = await tx.slaCredit.update({
      where: { id: credit.id },
      data: { status: "approved", amount: BigInt(amount), reason, decidedById: actor.id, decidedAt, ledgerEntryId: BigInt(entry.id) },
    });
    await recordAudit(
      actor,
      { action: "sla.credit.approve", tenantId: credit.tenantId, target: { type: "sla_credit", id: credit.id }, details: { month: credit.month, proposed: toFen(credit.proposedAmount), amount, adjusted, reason, ledgerEntryId: entry.id } },
      tx,
    );
    const tenant = await lockTenant(tx, credit.tenantId);
    await reactivateIfPaid(tx, tenant, actor);
    return { credit: toCreditView(updated), created: true, balance: await getBalance(credit.tenantId, tx) };
  });
}
