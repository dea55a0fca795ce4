import { Prisma } from "@/server/generated/prisma/client.ts";
import type { LedgerKind, Role } from "@/server/generated/prisma/client.ts";
import { clock } from "@/server/shared/clock";
import { toFen } from "@/server/shared/money";
import type { Tx } from "./money-transaction";

export type LedgerEntryInput = {
  tenantId: string;
  kind: LedgerKind;
  /** Signed fen: positive adds to the balance (payment, credit), negative takes from it (charge). */
  amount: number;
  currency: string;
  idempotencyKey: string;
  reference?: string | null;
  billingMonth?: string | null;
  actor?: { id: string | null; role: Role | null } | null;
  note?: string | null;
};

export type LedgerEntryRow = {
  id: string;
  tenantId: string;
  kind: LedgerKind;
  amount: number;
  currency: string;
  reference: string | null;
  billingMonth: string | null;
  idempotencyKey: string;
  note: string | null;
  occurredAt: Date;
};

export function toLedgerRow(e: Prisma.LedgerEntryGetPayload<object>): LedgerEntryRow {
  const { id, tenantId, kind, amount, currency, reference, billingMonth, idempotencyKey, note, occurredAt } = e;
  return { id: String(id), tenantId, kind, amount: toFen(amount), currency, reference, billingMonth, idempotencyKey, note, occurredAt };
}

/**
 * Appends one entry, once per idempotency key: a retried write finds the first entry and returns
 * it with `created: false`. The caller holds the tenant's lock (lockTenant), so two writers of
 * the same key for one tenant never race; the unique index is the last line of defence.
 */
export async function appendLedgerEntry(
  tx: Tx,
  input: LedgerEntryInput,
): Promise<{ entry: LedgerEntryRow; created: boolean }> {
  if (!Number.isSafeInteger(input.amount) || input.amount === 0) throw new Error(`bad ledger amount ${input.amount}`);
  const existing = await tx.ledgerEntry.findUnique({ where: { idempotencyKey: input.idempotencyKey } });
  if (existing) return { entry: toLedgerRow(existing), created: false };
  try {
    const entry = await tx.ledgerEntry.create({
      data: {
        tenantId: input.tenantId,
        kind: input.kind,
        amount: BigInt(input.amount),
        currency: input.currency,
        idempotencyKey: input.idempotencyKey,
        reference: input.reference ?? null,
        billingMonth: input.billingMonth ?? null,
        actorId: input.actor?.id ?? null,
        actorRole: input.actor?.role ?? null,
        note: input.note ?? null,
        occurredAt: clock.now(),
      },
    });
    return { entry: toLedgerRow(entry), created: true };
  } catch (e) {
    if (!(e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002")) throw e;
    const first = await tx.ledgerEntry.findUniqueOrThrow({ where: { idempotencyKey: input.idempotencyKey } });
    return { entry: toLedgerRow(first), created: false };
  }
}
