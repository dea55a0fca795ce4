import type { SessionUser } from "@/server/auth/session-user";
import { clock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { env } from "@/server/shared/env";
import type { Locale } from "@/server/shared/locale";
import { csvResponse, tenantScope } from "../imports/tenant-request";
import { exportListsCsv } from "./export-lists";
import { exportMailboxesCsv } from "./export-mailboxes";

const KINDS = {
  mailboxes: { make: exportMailboxesCsv, en: "mailboxes", zh: "邮箱" },
  lists: { make: exportListsCsv, en: "mailing-lists", zh: "邮件列表" },
} as const;
export type ExportKind = keyof typeof KINDS;

/**
 * GET /api/tenants/exports/<kind>: the session's own tenant's data, and only that: the route
 * takes no tenant id, so there is nothing to point at another tenant's. A read, not audited
 * (the operation log records changes).
 */
export async function downloadExport(user: SessionUser | null, kind: ExportKind, locale: Locale): Promise<Response> {
  const caller = tenantScope(user, locale);
  if (caller instanceof Response) return caller;
  const k = KINDS[kind];
  const [body, tenant] = await Promise.all([k.make(caller.tenantId, locale), db.tenant.findUnique({ where: { id: caller.tenantId }, select: { name: true, timeZone: true } })]);
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: tenant?.timeZone ?? env().TZ_DEFAULT, year: "numeric", month: "2-digit", day: "2-digit" }).format(clock.now());
  return csvResponse(body, `${k.en}-${day}.csv`, `${tenant?.name ?? ""}-${locale === "en" ? k.en : k.zh}-${day}.csv`);
}
