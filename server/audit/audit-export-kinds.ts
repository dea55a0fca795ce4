import { z } from "zod";
import type { Prisma } from "@/server/generated/prisma/client.ts";
import type { AuditExportKind } from "@/server/generated/prisma/enums.ts";
import { db } from "@/server/shared/db";
import { ZLocale, type Locale } from "@/server/shared/locale";
import { ZOperatorLoginLogFilters, assertLoginLogRange, pickLoginLogFilters } from "@/server/auth/login-log/login-log-filters";
import { loginLogExportReader } from "@/server/auth/login-log/login-log-export-reader";
import { ZOperatorAuditFilters, assertDateRange, auditWhere, pickFilters } from "./audit-filters";
import { tenantNamesOf, toAuditEventRow } from "./audit-rows";
import { auditCsvHeader, auditCsvRecord } from "./audit-csv";

// The logs one export job can write (AuditExport.kind): the operation log and, since issue 11,
// the login log. Each kind says which filters it stores, how the job reads its rows, and what
// the downloaded file is called; the request, the job, the file handling and the download route
// are shared.

/** How the job reads one log: newest first by primary key, one batch after another. */
export type ExportReader = {
  header: string[];
  newestId(): Promise<bigint | null>;
  countUpTo(maxId: bigint): Promise<number>;
  /** Up to `take` rows with an id below `before`, newest first, as CSV records with their ids. */
  batch(before: bigint, take: number): Promise<{ ids: bigint[]; records: string[][] }>;
};

type ExportKindDef = {
  /** The filter fields worth storing (no paging or request ids); throws BAD_INPUT on a bad range. */
  storedFilters(request: Record<string, unknown>, scopeTenantId: string | null): Prisma.InputJsonObject;
  /** Parses AuditExport.filters back (a ZodError when corrupt: no retry fixes that). */
  reader(stored: unknown, scopeTenantId: string | null): ExportReader;
  /** The downloaded file's name before its date. */
  fileStem: string;
};

const withLocale = <T extends z.ZodObject>(schema: T) => schema.extend({ locale: ZLocale.default("zh-CN") });
const ZStoredAudit = withLocale(ZOperatorAuditFilters);
const ZStoredLogins = withLocale(ZOperatorLoginLogFilters);

function scoped<T extends { tenantId?: string }>(filters: T, scopeTenantId: string | null): T {
  // A tenant admin's scope is the tenant; a tenant filter from them means nothing.
  if (scopeTenantId) delete filters.tenantId;
  return filters;
}

function operationLogReader(stored: unknown, scopeTenantId: string | null): ExportReader {
  const filters = ZStoredAudit.parse(stored);
  const where = auditWhere(filters, scopeTenantId);
  return {
    header: auditCsvHeader(filters.locale as Locale),
    newestId: async () => (await db.auditEvent.findFirst({ where, orderBy: { id: "desc" }, select: { id: true } }))?.id ?? null,
    countUpTo: (maxId) => db.auditEvent.count({ where: { AND: [where, { id: { lte: maxId } }] } }),
    batch: async (before, take) => {
      const rows = await db.auditEvent.findMany({ where: { AND: [where, { id: { lt: before } }] }, orderBy: { id: "desc" }, take });
      const names = await tenantNamesOf(rows);
      return { ids: rows.map((r) => r.id), records: rows.map((r) => auditCsvRecord(toAuditEventRow(r, names))) };
    },
  };
}

export const EXPORT_KINDS: Record<AuditExportKind, ExportKindDef> = {
  operations: {
    storedFilters: (request, scopeTenantId) => {
      const filters = scoped(pickFilters(request), scopeTenantId);
      assertDateRange(filters);
      return filters as Prisma.InputJsonObject;
    },
    reader: operationLogReader,
    fileStem: "operation-log",
  },
  logins: {
    storedFilters: (request, scopeTenantId) => {
      const filters = scoped(pickLoginLogFilters(request), scopeTenantId);
      assertLoginLogRange(filters);
      return filters as Prisma.InputJsonObject;
    },
    reader: (stored, scopeTenantId) => {
      const { locale, ...filters } = ZStoredLogins.parse(stored);
      return loginLogExportReader(filters, scopeTenantId, locale as Locale);
    },
    fileStem: "login-log",
  },
};
