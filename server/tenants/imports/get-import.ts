import { db } from "@/server/shared/db";
import { notFound } from "@/server/shared/errors";
import type { Locale } from "@/server/shared/locale";
import { readSummary, toImportDetail, type TImportDetail } from "./import-view";

/** One of the tenant's imports with its row problems (the page polls it for progress). */
export async function getImport(tenantId: string, importId: string, locale: Locale): Promise<TImportDetail> {
  const row = await db.mailboxImport.findFirst({ where: { id: importId, tenantId } });
  if (!row) throw notFound("Import");
  return toImportDetail(row, await readSummary(row.id), locale);
}
