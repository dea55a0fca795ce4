import type { Prisma } from "@/server/generated/prisma/client.ts";
import { db } from "@/server/shared/db";
import { occurredIn } from "@/server/billing/ledger/list-ledger-entries";
import { RESELLER_TIME_ZONE, type ResellerEntryView, type TResellerLedgerRequest } from "./account.types";
import { findReseller, toEntryViews } from "./reseller-entry-view";

export type ResellerLedgerPage = {
  rows: ResellerEntryView[];
  total: number;
  page: number;
  pageSize: number;
  timeZone: string;
  /** The clients its books mention, for the client filter (a moved-away client's entries stay its). */
  clients: Array<{ tenantId: string; name: string }>;
};

/**
 * One page of a reseller's own ledger, newest first. Only its own entries: a parent's view never
 * includes its sub-resellers' books (those are theirs; operators see them one by one).
 */
export async function listResellerLedger(resellerId: string, request: TResellerLedgerRequest): Promise<ResellerLedgerPage> {
  await findReseller(resellerId);
  const where: Prisma.ResellerLedgerEntryWhereInput = {
    resellerId,
    ...(request.kind ? { kind: request.kind } : {}),
    ...(request.month ? { occurredAt: occurredIn(request.month, RESELLER_TIME_ZONE) } : {}),
    ...(request.tenantId ? { tenantId: request.tenantId } : {}),
  };
  const { page, pageSize } = request;
  const [total, rows, mentioned] = await Promise.all([
    db.resellerLedgerEntry.count({ where }),
    db.resellerLedgerEntry.findMany({ where, orderBy: [{ occurredAt: "desc" }, { id: "desc" }], skip: (page - 1) * pageSize, take: pageSize }),
    db.resellerLedgerEntry.groupBy({ by: ["tenantId"], where: { resellerId, tenantId: { not: null } } }),
  ]);
  const ids = mentioned.map((m) => m.tenantId).filter((id): id is string => id !== null);
  const tenants = ids.length ? await db.tenant.findMany({ where: { id: { in: ids } }, select: { id: true, name: true }, orderBy: { name: "asc" } }) : [];
  const clients = tenants.map((t) => ({ tenantId: t.id, name: t.name }));
  return { rows: await toEntryViews(rows), total, page, pageSize, timeZone: RESELLER_TIME_ZONE, clients };
}
