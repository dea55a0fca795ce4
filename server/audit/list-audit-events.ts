import { db } from "@/server/shared/db";
import { assertDateRange, auditWhere } from "./audit-filters";
import { tenantNamesOf, toAuditEventRow } from "./audit-rows";
import type { TListAuditEventsRequest, TListAuditEventsResponse } from "./list-audit-events.types";

/**
 * One page of the operation log, newest first, with the total for the pager.
 * `scopeTenantId` (from auditScopeOf) overrides any tenant filter for tenant admins.
 */
export async function listAuditEvents(
  request: TListAuditEventsRequest,
  scopeTenantId: string | null,
): Promise<TListAuditEventsResponse> {
  assertDateRange(request);
  const where = auditWhere(request, scopeTenantId);
  const { page, pageSize } = request;
  const [total, events] = await Promise.all([
    db.auditEvent.count({ where }),
    db.auditEvent.findMany({
      where,
      // id breaks ties between rows written in the same millisecond (or under a pinned clock).
      orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
  ]);
  const names = await tenantNamesOf(events);
  return { rows: events.map((e) => toAuditEventRow(e, names)), total, page, pageSize };
}
