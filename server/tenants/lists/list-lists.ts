import { db } from "@/server/shared/db";
import { LIST_SUMMARY_SELECT, toListSummary, type ListSummary } from "./list-view";

/** The tenant's lists, by address, each with its member count. */
export async function listLists(tenantId: string): Promise<{ rows: ListSummary[] }> {
  const rows = await db.mailingList.findMany({ where: { tenantId }, select: LIST_SUMMARY_SELECT, orderBy: { address: "asc" } });
  return { rows: rows.map(toListSummary) };
}
