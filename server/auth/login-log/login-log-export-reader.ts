import { db } from "@/server/shared/db";
import { tenantNamesOf } from "@/server/audit/audit-rows";
import type { ExportReader } from "@/server/audit/audit-export-kinds";
import type { Locale } from "@/server/shared/locale";
import { loginLogWhere, type TLoginLogFilters } from "./login-log-filters";
import { toLoginLogRow } from "./login-log-row";
import { loginCsvHeader, loginCsvRecord } from "./login-csv";

/** The login log as the export job reads it: newest first, by primary key, in the caller's scope. */
export function loginLogExportReader(filters: TLoginLogFilters, scopeTenantId: string | null, locale: Locale): ExportReader {
  const where = loginLogWhere(filters, scopeTenantId);
  return {
    header: loginCsvHeader(locale),
    newestId: async () => (await db.loginEvent.findFirst({ where, orderBy: { id: "desc" }, select: { id: true } }))?.id ?? null,
    countUpTo: (maxId) => db.loginEvent.count({ where: { AND: [where, { id: { lte: maxId } }] } }),
    batch: async (before, take) => {
      const rows = await db.loginEvent.findMany({ where: { AND: [where, { id: { lt: before } }] }, orderBy: { id: "desc" }, take });
      const names = await tenantNamesOf(rows);
      return { ids: rows.map((r) => r.id), records: rows.map((r) => loginCsvRecord(toLoginLogRow(r, names))) };
    },
  };
}
