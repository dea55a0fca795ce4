import type { AuditActor } from "@/server/audit/record-audit";
import { recordAudit } from "@/server/audit/record-audit";
import { moneyTransaction } from "@/server/billing/ledger/money-transaction";
import { DomainError, say } from "@/server/shared/errors";
import { formatFen, MAX_AMOUNT_FEN, toFen } from "@/server/shared/money";
import type { TSetCreditLimitRequest } from "./account.types";
import { lockReseller } from "./reseller-ledger";

/**
 * An operator sets how much a reseller may owe for orders on its account. Lowering it below what
 * it owes is allowed (it then cannot order on account until it pays); nothing it owes changes.
 */
export async function setCreditLimit(actor: AuditActor, input: TSetCreditLimitRequest): Promise<{ resellerId: string; creditLimit: number }> {
  const { creditLimit } = input;
  if (!Number.isInteger(creditLimit) || creditLimit < 0 || creditLimit > MAX_AMOUNT_FEN) {
    const text = say(`The credit limit must be a whole number of fen from 0 to ${formatFen(MAX_AMOUNT_FEN)}`, `信用额度须为 0 到 ${formatFen(MAX_AMOUNT_FEN)} 之间的整数（分）`);
    throw new DomainError("BAD_INPUT", text, { creditLimit: [text] });
  }
  return moneyTransaction(async (tx) => {
    const reseller = await lockReseller(tx, input.resellerId);
    await tx.reseller.update({ where: { id: reseller.id }, data: { creditLimit: BigInt(creditLimit) } });
    await recordAudit(
      actor,
      { action: "resellers.credit_limit.set", tenantId: null, target: { type: "reseller", id: reseller.id }, details: { before: toFen(reseller.creditLimit), after: creditLimit } },
      tx,
    );
    return { resellerId: reseller.id, creditLimit };
  });
}
