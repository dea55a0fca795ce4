import { db } from "@/server/shared/db";
import { DomainError, say } from "@/server/shared/errors";
import { resellersInTree } from "../reseller-tree";
import type { ClientRow } from "./client-row.types";
import { loadClientRows } from "./load-client-rows";
import { totalsOf } from "./list-clients";
import type { ClientTotals } from "./list-clients.types";

export type ResellerClients = { reseller: { id: string; name: string; parentId: string | null }; rows: ClientRow[]; totals: ClientTotals };

/**
 * The operators' Clients tab of one reseller: its clients and its sub-resellers' (owner.isSelf
 * tells them apart), as the reseller's own dashboard shows them.
 */
export async function listResellerClients(resellerId: string): Promise<ResellerClients> {
  const reseller = await db.reseller.findUnique({ where: { id: resellerId }, select: { id: true, name: true, parentId: true } });
  if (!reseller) throw new DomainError("NOT_FOUND", say("Reseller not found", "经销商不存在"));
  const tree = await resellersInTree(resellerId);
  const rows = await loadClientRows(resellerId, { resellerId: { in: tree } });
  return { reseller, rows, totals: totalsOf(rows) };
}
