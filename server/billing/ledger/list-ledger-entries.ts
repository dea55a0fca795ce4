import type { LedgerEntry, Prisma } from "@/server/generated/prisma/client.ts";
import { db } from "@/server/shared/db";
import { notFound } from "@/server/shared/errors";
import { toFen } from "@/server/shared/money";
import { addMonths, monthStart, type Month } from "../rules/months";
import type { LedgerEntryView, TListLedgerEntriesRequest, TListLedgerEntriesResponse } from "./list-ledger-entries.types";

export function toLedgerEntryView(e: LedgerEntry): LedgerEntryView {
  return {
    id: String(e.id),
    kind: e.kind,
    amount: toFen(e.amount),
    currency: e.currency,
    reference: e.reference,
    billingMonth: e.billingMonth,
    note: e.note,
    actorRole: e.actorRole,
    occurredAt: e.occurredAt,
  };
}

/** [start, next start) of a calendar month in the tenant's zone, as a Prisma filter on occurredAt. */
export function occurredIn(month: Month, timeZone: string): { gte: Date; lt: Date } {
  return { gte: monthStart(month, timeZone), lt: monthStart(addMonths(month, 1), timeZone) };
}

/** The tenant's time zone, or NOT_FOUND: an operator's unknown id and a customer's own id alike. */
export async function tenantTimeZone(tenantId: string): Promise<{ name: string; timeZone: string }> {
  const tenant = await db.tenant.findUnique({ where: { id: tenantId }, select: { name: true, timeZone: true } });
  if (!tenant) throw notFound("Tenant");
  return tenant;
}

/**
 * One page of a tenant's ledger, newest first. The caller decides the tenant: ctx.tenantId for a
 * customer, the operator's choice otherwise; nothing here widens that scope.
 */
export async function listLedgerEntries(tenantId: string, request: TListLedgerEntriesRequest): Promise<TListLedgerEntriesResponse> {
  const { timeZone } = await tenantTimeZone(tenantId);
  const where: Prisma.LedgerEntryWhereInput = {
    tenantId,
    ...(request.kind ? { kind: request.kind } : {}),
    ...(request.month ? { occurredAt: occurredIn(request.month, timeZone) } : {}),
  };
  const { page, pageSize } = request;
  const [total, entries] = await Promise.all([
    db.ledgerEntry.count({ where }),
    db.ledgerEntry.findMany({
      where,
      // id breaks ties between entries written in the same millisecond (or under a pinned clock).
      orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
  ]);
  return { rows: entries.map(toLedgerEntryView), total, page, pageSize, timeZone };
}
