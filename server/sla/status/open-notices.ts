import { db } from "@/server/shared/db";
import type { StatusIncident, StatusMaintenance } from "./get-status.types";

// Caps on the lists, so a runaway of records cannot make the public page heavy.
const MAX_INCIDENTS = 50;
const MAX_MAINTENANCE = 20;

/**
 * Incidents open at `now` that the platform caused and that concern everyone. An incident an
 * operator classified as the customer's, a third party's or force majeure, or one recorded for a
 * single tenant, is for the SLA and that tenant, never for the public page. Only the summary, the
 * kind and when it began leave: the reason and who recorded it stay internal.
 */
export async function openIncidents(now: Date): Promise<StatusIncident[]> {
  const rows = await db.incident.findMany({
    where: { cause: "platform", tenantId: null, startsAt: { lte: now }, OR: [{ endsAt: null }, { endsAt: { gt: now } }] },
    select: { kind: true, summary: true, startsAt: true },
    orderBy: { startsAt: "desc" },
    take: MAX_INCIDENTS,
  });
  return rows.map((r) => ({ kind: r.kind, summary: r.summary, since: r.startsAt }));
}

/** Maintenance windows still scheduled (not cancelled) that have not ended, soonest first. */
export async function upcomingMaintenance(now: Date): Promise<StatusMaintenance[]> {
  const rows = await db.maintenanceWindow.findMany({
    where: { status: "scheduled", endsAt: { gt: now } },
    select: { startsAt: true, endsAt: true, description: true },
    orderBy: { startsAt: "asc" },
    take: MAX_MAINTENANCE,
  });
  return rows.map((r) => ({ ...r, inProgress: r.startsAt <= now }));
}
