import type { Prisma } from "@/server/generated/prisma/client.ts";
import { db } from "@/server/shared/db";
import { toFen } from "@/server/shared/money";
import { resellerNotFound } from "../pricing/load-wholesale";
import type { ResellerEntryView, ResellerTotals } from "./account.types";

type Row = Prisma.ResellerLedgerEntryGetPayload<object>;
const fen = (v: bigint | null) => (v === null ? null : toFen(v));

/** Entries as the UI shows them, with the client's name (the key and actor id stay on the server). */
export async function toEntryViews(rows: Row[]): Promise<ResellerEntryView[]> {
  const ids = [...new Set(rows.map((r) => r.tenantId).filter((id): id is string => id !== null))];
  const tenants = ids.length ? await db.tenant.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }) : [];
  const names = new Map(tenants.map((t) => [t.id, t.name]));
  return rows.map((r) => ({
    id: String(r.id),
    kind: r.kind,
    amount: toFen(r.amount),
    currency: r.currency,
    tenantId: r.tenantId,
    tenantName: r.tenantId ? (names.get(r.tenantId) ?? null) : null,
    orderId: r.orderId,
    reference: r.reference,
    clientAmount: fen(r.clientAmount),
    wholesaleAmount: fen(r.wholesaleAmount),
    marginAmount: fen(r.marginAmount),
    note: r.note,
    actorRole: r.actorRole,
    occurredAt: r.occurredAt,
  }));
}

export const emptyTotals = (): ResellerTotals => ({ clientPaid: 0, wholesale: 0, margin: 0, charged: 0, credited: 0, paid: 0, adjustments: 0 });

/**
 * Adds one entry to the totals. An override's client/wholesale figures are its sub-reseller's
 * sale, not its own clients', so only its margin counts.
 */
export function addToTotals(t: ResellerTotals, e: Pick<ResellerEntryView, "kind" | "amount" | "clientAmount" | "wholesaleAmount" | "marginAmount">): void {
  if (e.kind === "wholesale_charge" || e.kind === "margin_credit") {
    t.clientPaid += e.clientAmount ?? 0;
    t.wholesale += e.wholesaleAmount ?? 0;
  }
  if (e.kind === "wholesale_charge" || e.kind === "margin_credit" || e.kind === "override_credit") t.margin += e.marginAmount ?? 0;
  if (e.kind === "wholesale_charge") t.charged += -e.amount;
  if (e.kind === "margin_credit" || e.kind === "override_credit") t.credited += e.amount;
  if (e.kind === "payment") t.paid += e.amount;
  if (e.kind === "adjustment") t.adjustments += e.amount;
}

/** The reseller, or NOT_FOUND (an operator's unknown id). */
export async function findReseller(resellerId: string) {
  const reseller = await db.reseller.findUnique({
    where: { id: resellerId },
    select: { id: true, name: true, parentId: true, status: true, discountBps: true, creditLimit: true, currency: true },
  });
  if (!reseller) throw resellerNotFound();
  return reseller;
}
