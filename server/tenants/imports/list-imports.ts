import { db } from "@/server/shared/db";
import { toImportView, type TImportView } from "./import-view";

/** The tenant's latest imports, newest first: the page's history. */
export async function listImports(tenantId: string): Promise<TImportView[]> {
  const rows = await db.mailboxImport.findMany({ where: { tenantId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 50 });
  return rows.map(toImportView);
}
