import { db } from "@/server/shared/db";
import { clock } from "@/server/shared/clock";
import { env } from "@/server/shared/env";
import { notFound } from "@/server/shared/errors";
import { checkMailLogRequest, effectiveRange, type MailLogRequest } from "./mail-log-filters";
import { readMailLogPage, type MailLogPage } from "./mail-log-page";
import type { MailLogScope } from "./mail-log-plan";

/** A page plus the tenant's zone, in which the pages show every time. */
export type MailLogResponse = MailLogPage & { timeZone: string };

/** Both use cases: the scope's page over the range the filters allow (never older than retention). */
export async function mailLogOf(scope: MailLogScope, request: MailLogRequest): Promise<MailLogResponse> {
  const filters = checkMailLogRequest(request);
  const tenant = await db.tenant.findUnique({ where: { id: scope.tenantId }, select: { timeZone: true } });
  if (!tenant) throw notFound("Tenant");
  const range = effectiveRange(filters, clock.now(), env().MAIL_LOG_RETENTION_DAYS);
  if (!range) {
    return { rows: [], nextCursor: null, searchedUntil: null, from: new Date(filters.from!), to: new Date(filters.to!), timeZone: tenant.timeZone };
  }
  return { ...(await readMailLogPage(scope, filters, range)), timeZone: tenant.timeZone };
}
