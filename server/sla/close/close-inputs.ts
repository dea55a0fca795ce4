import type { ProbeKind } from "@/server/generated/prisma/enums";
import { db } from "@/server/shared/db";
import { AVAILABILITY_PROBES, CONNECTIVITY_PROBES } from "../rules/constants";
import type { IncidentInput, MaintenanceInput } from "../rules/exclusions";
import type { Observation } from "../rules/failure-minutes";
import type { Interval } from "../rules/intervals";
import type { LabelledResult } from "../rules/rates";

// What the month close reads once for every tenant: the platform's samples, the labelled
// samples, maintenance and incidents over the range covering every tenant's month (tenants'
// months are calendar months in their own zones, so the range is the UTC month widened by a day
// each side).

/** A sample as the close keeps it: the rules' Observation plus what evidence cites. */
export type ClosedSample = Observation & { id: bigint; target: string; error: string | null };
export type LabelledSample = LabelledResult & { at: number };

export type CloseInputs = {
  /** Platform-wide availability and connectivity samples, in time order. */
  platform: ClosedSample[];
  /** The failing ones among them: what breach evidence cites (computed once, not per tenant). */
  platformFailing: ClosedSample[];
  /** Tenant-scoped samples (failures that touched only some mailboxes), by tenant. */
  byTenant: Map<string, ClosedSample[]>;
  labelled: LabelledSample[];
  maintenance: MaintenanceInput[];
  incidents: (IncidentInput & { id: string })[];
};

const SLA_PROBES: ProbeKind[] = [...AVAILABILITY_PROBES, ...CONNECTIVITY_PROBES];
const LABELS = new Set(["spam", "ham", "virus"]);
const VERDICTS = new Set(["delivered", "header", "quarantined", "rejected", "deferred", "error"]);

type SampleRow = { id: bigint; probe: ProbeKind; target: string; location: string; ok: boolean | number; at: Date; tenantId: string | null; affected: number | null; error: string | null };

function toSample(r: SampleRow): ClosedSample {
  return { id: r.id, probe: r.probe, target: r.target, location: r.location, ok: Boolean(r.ok), at: r.at.getTime(), tenantId: r.tenantId, affected: r.affected, error: r.error };
}

/** A labelled sample's verdict from its detail; a row the probe wrote without one is no evidence. */
export function labelledOf(detail: unknown, at: number): LabelledSample | null {
  if (!detail || typeof detail !== "object") return null;
  const { label, verdict } = detail as Record<string, unknown>;
  if (typeof label !== "string" || !LABELS.has(label) || typeof verdict !== "string" || !VERDICTS.has(verdict)) return null;
  return { label: label as LabelledResult["label"], verdict: verdict as LabelledResult["verdict"], at };
}

export async function loadCloseInputs(range: Interval): Promise<CloseInputs> {
  const from = new Date(range.start);
  const to = new Date(range.end);
  // Raw SQL: a month of one-minute samples from 5 probes is ~216,000 rows per probe host, and
  // Prisma's row objects for them cost seconds; these columns are all the rules need.
  const [rows, labelledRows, maintenance, incidents] = await Promise.all([
    db.$queryRaw<SampleRow[]>`
      SELECT id, probe, target, location, ok, at, tenantId, affected, error FROM ProbeSample
      WHERE at >= ${from} AND at < ${to} AND probe IN ('smtp_mx', 'submission', 'pop3', 'http', 'e2e', 'network')
      ORDER BY at, id`,
    db.probeSample.findMany({ where: { at: { gte: from, lt: to }, probe: { in: ["spam", "ham", "virus"] } }, select: { at: true, detail: true } }),
    db.maintenanceWindow.findMany({ where: { startsAt: { lt: to }, endsAt: { gt: from } } }),
    db.incident.findMany({ where: { startsAt: { lt: to }, OR: [{ endsAt: null }, { endsAt: { gt: from } }] } }),
  ]);
  const platform: ClosedSample[] = [];
  const byTenant = new Map<string, ClosedSample[]>();
  for (const row of rows) {
    if (!SLA_PROBES.includes(row.probe)) continue;
    const sample = toSample(row);
    if (sample.tenantId === null) platform.push(sample);
    else byTenant.set(sample.tenantId, [...(byTenant.get(sample.tenantId) ?? []), sample]);
  }
  return {
    platform,
    platformFailing: platform.filter((s) => !s.ok),
    byTenant,
    labelled: labelledRows.map((r) => labelledOf(r.detail, r.at.getTime())).filter((l): l is LabelledSample => l !== null),
    maintenance: maintenance.map((m) => ({ id: m.id, startsAt: m.startsAt.getTime(), endsAt: m.endsAt.getTime(), announcedAt: m.announcedAt.getTime(), status: m.status })),
    incidents: incidents.map((i) => ({ id: i.id, startsAt: i.startsAt.getTime(), endsAt: i.endsAt?.getTime() ?? null, kind: i.kind, cause: i.cause, tenantId: i.tenantId })),
  };
}
