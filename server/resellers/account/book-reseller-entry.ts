import type { AuditActor } from "@/server/audit/record-audit";
import { recordAudit } from "@/server/audit/record-audit";
import { moneyTransaction } from "@/server/billing/ledger/money-transaction";
import { DomainError, say } from "@/server/shared/errors";
import { toFen } from "@/server/shared/money";
import type { ResellerEntryView } from "./account.types";
import { appendResellerEntry, lockReseller, resellerBalance } from "./reseller-ledger";
import { toEntryViews } from "./reseller-entry-view";

export type RecordResult = { entry: ResellerEntryView; created: boolean; balance: number };

// Keys are scoped by reseller so one reseller's request id can never find another's entry.
export const resellerPaymentKey = (resellerId: string, key: string) => `reseller-payment:${resellerId}:${key}`;
export const resellerAdjustmentKey = (resellerId: string, key: string) => `reseller-adjustment:${resellerId}:${key}`;

/** Appends an operator's payment or adjustment under the reseller's lock, once per request id, audited. */
export async function bookResellerEntry(
  actor: AuditActor,
  args: { resellerId: string; kind: "payment" | "adjustment"; amount: number; key: string; reference: string | null; note: string | null; action: string },
): Promise<RecordResult> {
  return moneyTransaction(async (tx) => {
    const reseller = await lockReseller(tx, args.resellerId);
    const repeated = await tx.resellerLedgerEntry.findUnique({ where: { idempotencyKey: args.key } });
    if (repeated) {
      if (toFen(repeated.amount) !== args.amount || repeated.kind !== args.kind) {
        throw new DomainError("CONFLICT", say("This request id was already used for a different entry", "此请求编号已用于另一笔记录"));
      }
      return { entry: (await toEntryViews([repeated]))[0]!, created: false, balance: await resellerBalance(tx, reseller.id) };
    }
    const { entry } = await appendResellerEntry(tx, {
      resellerId: reseller.id,
      kind: args.kind,
      amount: args.amount,
      currency: reseller.currency,
      idempotencyKey: args.key,
      reference: args.reference,
      note: args.note,
      actor: { id: actor.id, role: actor.role },
    });
    await recordAudit(
      actor,
      { action: args.action, tenantId: null, target: { type: "reseller", id: reseller.id }, details: { amount: args.amount, reference: args.reference, note: args.note, entryId: String(entry.id) } },
      tx,
    );
    return { entry: (await toEntryViews([entry]))[0]!, created: true, balance: await resellerBalance(tx, reseller.id) };
  });
}

