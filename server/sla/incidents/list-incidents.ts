import type { Prisma } from "@/server/generated/prisma/client.ts";
import { tenantNamesOf } from "@/server/audit/audit-rows";
import { db } from "@/server/shared/db";
import { assertRange } from "../admin-fields";
import { assertTenantExists } from "./assert-tenant";
import { toIncidentView } from "./incident-view";
import type { IncidentView, TListIncidentsRequest } from "./incident.types";

/** Incidents are recorded by hand, a few a month: more than this in one answer is a range too wide. */
export const INCIDENT_LIST_LIMIT = 500;

/** An incident as operators list it: with its tenant's name (null for a platform-wide one). */
export type IncidentRow = IncidentView & { tenantName: string | null };

/**
 * Incidents overlapping [from, to) (an open one runs on), newest first. Naming a tenant lists
 * that tenant's incidents and the platform-wide ones, which concern it too.
 */
export async function listIncidents(input: TListIncidentsRequest): Promise<IncidentRow[]> {
  assertRange(input);
  if (input.tenantId) await assertTenantExists(input.tenantId);
  const and: Prisma.IncidentWhereInput[] = [];
  if (input.open !== undefined) and.push({ endsAt: input.open ? null : { not: null } });
  if (input.to) and.push({ startsAt: { lt: input.to } });
  if (input.from) and.push({ OR: [{ endsAt: null }, { endsAt: { gt: input.from } }] });
  if (input.tenantId) and.push({ OR: [{ tenantId: input.tenantId }, { tenantId: null }] });
  const rows = await db.incident.findMany({ where: { AND: and }, orderBy: [{ startsAt: "desc" }, { id: "asc" }], take: INCIDENT_LIST_LIMIT });
  const names = await tenantNamesOf(rows);
  return rows.map((row) => ({ ...toIncidentView(row), tenantName: row.tenantId ? (names.get(row.tenantId) ?? null) : null }));
}
