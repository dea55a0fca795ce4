import { Prisma, type ResellerLedgerKind, type Role } from "@/server/generated/prisma/client.ts";
import { clock } from "@/server/shared/clock";
import { toFen } from "@/server/shared/money";
import type { Tx } from "@/server/billing/ledger/money-transaction";
import { resellerNotFound } from "../pricing/load-wholesale";

export type ResellerEntryInput = {
  resellerId: string;
  kind: ResellerLedgerKind;
  /** Signed fen: negative = the reseller owes the platform more (a wholesale charge). */
  amount: number;
  currency: string;
  idempotencyKey: string;
  tenantId?: string | null;
  orderId?: string | null;
  clientAmount?: number | null;
  wholesaleAmount?: number | null;
  marginAmount?: number | null;
  reference?: string | null;
  actor?: { id: string | null; role: Role | null } | null;
  note?: string | null;
};

export type ResellerEntryRow = Prisma.ResellerLedgerEntryGetPayload<object>;

const big = (n: number | null | undefined) => (n === null || n === undefined ? null : BigInt(n));

/**
 * Appends one entry to a reseller's account, once per idempotency key: a retried payment or a
 * second confirmation of the same order finds the first entry (`created: false`). The unique index
 * is the last line of defence when two writers race.
 */
export async function appendResellerEntry(tx: Tx, input: ResellerEntryInput): Promise<{ entry: ResellerEntryRow; created: boolean }> {
  if (!Number.isSafeInteger(input.amount) || input.amount === 0) throw new Error(`bad reseller ledger amount ${input.amount}`);
  const existing = await tx.resellerLedgerEntry.findUnique({ where: { idempotencyKey: input.idempotencyKey } });
  if (existing) return { entry: existing, created: false };
  try {
    const entry = await tx.resellerLedgerEntry.create({
      data: {
        resellerId: input.resellerId,
        kind: input.kind,
        amount: BigInt(input.amount),
        currency: input.currency,
        idempotencyKey: input.idempotencyKey,
        tenantId: input.tenantId ?? null,
        orderId: input.orderId ?? null,
        clientAmount: big(input.clientAmount),
        wholesaleAmount: big(input.wholesaleAmount),
        marginAmount: big(input.marginAmount),
        reference: input.reference ?? null,
        actorId: input.actor?.id ?? null,
        actorRole: input.actor?.role ?? null,
        note: input.note ?? null,
        occurredAt: clock.now(),
      },
    });
    return { entry, created: true };
  } catch (e) {
    if (!(e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002")) throw e;
    return { entry: await tx.resellerLedgerEntry.findUniqueOrThrow({ where: { idempotencyKey: input.idempotencyKey } }), created: false };
  }
}

/**
 * The reseller's balance: the sum of its entries; negative = it owes the platform. With
 * `currency`, only entries in that currency (the credit check counts the reseller's own currency:
 * yuan and dollars do not add up).
 */
export async function resellerBalance(tx: Pick<Tx, "resellerLedgerEntry">, resellerId: string, currency?: string): Promise<number> {
  const sum = await tx.resellerLedgerEntry.aggregate({ where: { resellerId, ...(currency && { currency }) }, _sum: { amount: true } });
  return toFen(sum._sum.amount ?? 0n);
}

export type LockedReseller = { id: string; name: string; parentId: string | null; status: "active" | "suspended"; creditLimit: bigint; currency: string };

/**
 * Locks the reseller's row until the transaction ends, so two orders on its account at once are
 * checked against the credit limit one after the other (each sees the other's charge). Always
 * taken after the tenant's lock, never before, so the two locks cannot deadlock.
 */
export async function lockReseller(tx: Tx, resellerId: string): Promise<LockedReseller> {
  const rows = await tx.$queryRaw<LockedReseller[]>`
    SELECT id, name, parentId, status, creditLimit, currency FROM Reseller WHERE id = ${resellerId} FOR UPDATE`;
  const row = rows[0];
  if (!row) throw resellerNotFound();
  return row;
}

/**
 * Its parent's status (null for a top-level reseller): a parent's suspension covers its
 * sub-resellers. Read without a lock: the parent's row is not the one being charged.
 */
export async function parentStanding(tx: Pick<Tx, "reseller">, reseller: { parentId: string | null }): Promise<{ status: "active" | "suspended" } | null> {
  if (!reseller.parentId) return null;
  return tx.reseller.findUnique({ where: { id: reseller.parentId }, select: { status: true } });
}
