import { HOUR_MS } from "./constants";
import { clipIntervals, subtractIntervals, totalMs, type Interval } from "./intervals";

// What the contract does not count (seed 002 appendix B §8 c): force majeure, failures the
// customer or a third party caused, and maintenance the platform announced in advance.

/** `id` is carried through to the result so the caller can cite the row as evidence. */
export type MaintenanceInput = {
  id?: string;
  startsAt: number;
  endsAt: number;
  announcedAt: number;
  status: "scheduled" | "cancelled";
};

export type IncidentInput = {
  id?: string;
  startsAt: number;
  /** null: still open; it runs to `now`. */
  endsAt: number | null;
  kind: "outage" | "network" | "power";
  cause: "platform" | "force_majeure" | "third_party" | "customer";
  tenantId: string | null;
};

export type ExclusionReason = "maintenance" | "force_majeure" | "third_party" | "customer";

export type Exclusion = {
  interval: Interval;
  why: ExclusionReason;
  source: "maintenance" | "incident";
  id: string | null;
};

export type ExclusionInput = {
  maintenance: readonly MaintenanceInput[];
  incidents: readonly IncidentInput[];
  /** SLA_MAINTENANCE_NOTICE_HOURS: how far ahead maintenance must be announced to be excluded. */
  noticeHours: number;
  tenantId: string;
  now: number;
};

/** Whether an incident is about this tenant: platform-wide ones are about everybody. */
const concerns = (incident: IncidentInput, tenantId: string): boolean =>
  incident.tenantId === null || incident.tenantId === tenantId;

const incidentInterval = (incident: IncidentInput, now: number): Interval => ({
  start: incident.startsAt,
  end: incident.endsAt ?? Math.max(incident.startsAt, now),
});

/**
 * The intervals not counted against this tenant. Maintenance counts only when still scheduled and
 * announced at least `noticeHours` before it began (announced 23 h ahead is not "in advance" under a
 * 24 h rule). Incidents count when an operator classified their cause as other than the platform.
 * A customer-caused incident excludes only for that customer: recorded platform-wide it names no
 * customer, and one customer's doing cannot excuse the platform towards all the others.
 */
export function excludedIntervals(input: ExclusionInput): Exclusion[] {
  const out: Exclusion[] = [];
  const noticeMs = input.noticeHours * HOUR_MS;
  for (const m of input.maintenance) {
    if (m.status !== "scheduled" || m.endsAt <= m.startsAt) continue;
    if (m.announcedAt > m.startsAt - noticeMs) continue;
    out.push({ interval: { start: m.startsAt, end: m.endsAt }, why: "maintenance", source: "maintenance", id: m.id ?? null });
  }
  for (const i of input.incidents) {
    if (i.cause === "platform" || !concerns(i, input.tenantId)) continue;
    if (i.cause === "customer" && i.tenantId !== input.tenantId) continue;
    const interval = incidentInterval(i, input.now);
    if (interval.end <= interval.start) continue;
    out.push({ interval, why: i.cause, source: "incident", id: i.id ?? null });
  }
  return out.sort((a, b) => a.interval.start - b.interval.start);
}

/** `now` ends open incidents (default: the end of bounds); `excluded` are excludedIntervals' intervals. */
export type PowerOptions = { now?: number; excluded?: readonly Interval[] };

/** Platform-caused power interruptions concerning this tenant, inside bounds, merged, minus `excluded`. */
export function powerIntervals(
  incidents: readonly IncidentInput[],
  bounds: Interval,
  tenantId: string,
  options: PowerOptions = {},
): Interval[] {
  const now = options.now ?? bounds.end;
  const power = incidents
    .filter((i) => i.kind === "power" && i.cause === "platform" && concerns(i, tenantId))
    .map((i) => incidentInterval(i, now));
  return clipIntervals(subtractIntervals(power, options.excluded ?? []), bounds);
}

/**
 * Seconds of power interruption in the month (the promise: at most 264 s, "4.4 minutes").
 * Overlapping incidents count once; a part of a second counts as a second (ties to the customer).
 */
export function powerInterruptionSeconds(
  incidents: readonly IncidentInput[],
  bounds: Interval,
  tenantId: string,
  options: PowerOptions = {},
): number {
  return Math.ceil(totalMs(powerIntervals(incidents, bounds, tenantId, options)) / 1000);
}
