import { z } from "zod";
import { optionalIsoInstant, optionalText } from "@/server/shared/filter-fields";
import type { Prisma } from "@/server/generated/prisma/client.ts";
import { DomainError } from "@/server/shared/errors";
import { likeLiteral } from "@/server/shared/like-literal";

// The operation log's filters, shared by the list, the CSV export request and the export job
// (which re-reads them from AuditExport.filters), so all three mean the same thing.


export const ZAuditFilters = z.object({
  /** An e-mail substring or an exact actor (user) id. */
  actor: optionalText(254),
  /** An exact action ("plan.update") that also matches its dotted children; a trailing * matches any prefix. */
  action: optionalText(80),
  from: optionalIsoInstant,
  to: optionalIsoInstant,
  result: z.enum(["success", "failure"], { message: "expected success or failure" }).optional(),
});

/** Operators may also narrow to one tenant; tenant admins never send this (their scope is forced). */
export const ZOperatorAuditFilters = ZAuditFilters.extend({ tenantId: optionalText(191) });

/** Every field optional, so an operator's, a tenant admin's and a stored filter set all fit. */
export type TAuditFilters = Partial<z.infer<typeof ZOperatorAuditFilters>>;

/** Keeps only the filter fields (drops paging, request ids…) so they can be stored as JSON. */
export function pickFilters(input: TAuditFilters): TAuditFilters {
  const { actor, action, tenantId, from, to, result } = input;
  const picked: TAuditFilters = { actor, action, tenantId, from, to, result };
  for (const key of Object.keys(picked) as (keyof TAuditFilters)[]) if (picked[key] === undefined) delete picked[key];
  return picked;
}

/** zod cannot compare two fields of an object it later extends, so the range is checked here. */
export function assertDateRange(filters: Pick<TAuditFilters, "from" | "to">): void {
  if (filters.from && filters.to && new Date(filters.to) < new Date(filters.from)) {
    throw new DomainError("BAD_INPUT", "The end of the date range is before its start", {
      to: ["must not be before the start of the range"],
    });
  }
}

function actionWhere(action: string): Prisma.AuditEventWhereInput {
  if (action.endsWith("*")) return { action: { startsWith: action.slice(0, -1) } };
  return { OR: [{ action }, { action: { startsWith: `${action}.` } }] };
}

/**
 * The WHERE clause for a set of filters. `scopeTenantId` is the caller's forced scope: when
 * set (a tenant admin), it replaces whatever tenant filter came in, so no input can widen it.
 */
export function auditWhere(filters: TAuditFilters, scopeTenantId: string | null): Prisma.AuditEventWhereInput {
  const and: Prisma.AuditEventWhereInput[] = [];
  const tenantId = scopeTenantId ?? filters.tenantId;
  if (tenantId) and.push({ tenantId });
  if (filters.actor) and.push({ OR: [{ actorId: filters.actor }, { actorEmail: { contains: likeLiteral(filters.actor) } }] });
  if (filters.action) and.push(actionWhere(filters.action));
  if (filters.from) and.push({ occurredAt: { gte: new Date(filters.from) } });
  if (filters.to) and.push({ occurredAt: { lte: new Date(filters.to) } });
  if (filters.result) and.push({ result: filters.result });
  return { AND: and };
}
