import { db } from "@/server/shared/db";
import { tenantNamesOf } from "@/server/audit/audit-rows";
import { assertLoginLogRange, loginLogWhere } from "./login-log-filters";
import { toLoginLogRow } from "./login-log-row";
import type { TListLoginEventsRequest, TListLoginEventsResponse } from "./list-login-events.types";

/**
 * One page of the login log, newest first, with the total for the pager. `scopeTenantId`
 * (from loginLogScopeOf) overrides any tenant filter for tenant admins.
 */
export async function listLoginEvents(request: TListLoginEventsRequest, scopeTenantId: string | null): Promise<TListLoginEventsResponse> {
  assertLoginLogRange(request);
  const where = loginLogWhere(request, scopeTenantId);
  const { page, pageSize } = request;
  const [total, events] = await Promise.all([
    db.loginEvent.count({ where }),
    db.loginEvent.findMany({
      where,
      // id breaks ties between rows written in the same millisecond (or under a pinned clock).
      orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
  ]);
  const names = await tenantNamesOf(events);
  return { rows: events.map((e) => toLoginLogRow(e, names)), total, page, pageSize };
}
