import { clock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";

// The SLA probes' picture of the last 24 hours (samples written by probes/, server/sla/samples):
// each probe's success share and latest run, the end-to-end delivery latency's p50/p95, and the
// labelled samples' rates. A labelled sample is "ok" when the filter's verdict was right
// (server/sla/probes/labelled.probe.ts), so for spam ok = caught, for ham not ok = a false
// positive, for virus ok = found. Platform-wide samples only (tenantId null).

export const PROBE_WINDOW_MS = 24 * 3600_000;

export type ProbeLatest = { probe: string; target: string; ok: boolean; latencyMs: number | null; at: Date };
export type ProbeShare = { probe: string; samples: number; ok: number };
export type ProbeSummary = {
  latest: ProbeLatest[];
  shares: ProbeShare[];
  deliveryLatencyMs: { p50: number | null; p95: number | null; samples: number };
};

/** The nearest-rank percentile of sorted values; null for none. */
export function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export async function probeSummary(): Promise<ProbeSummary> {
  const since = new Date(clock.now().getTime() - PROBE_WINDOW_MS);
  const [latest, shares, latencies] = await Promise.all([
    db.$queryRawUnsafe<{ probe: string; target: string; ok: number | boolean; latencyMs: number | null; at: Date }[]>(
      `SELECT s.probe, s.target, s.ok, s.latencyMs, s.at FROM ProbeSample s
         JOIN (SELECT MAX(id) AS id FROM ProbeSample WHERE at > ? AND tenantId IS NULL GROUP BY probe, target) l ON l.id = s.id
       ORDER BY s.probe, s.target`,
      since,
    ),
    db.$queryRawUnsafe<{ probe: string; samples: bigint | number; ok: bigint | number | string | null }[]>(
      "SELECT probe, COUNT(*) AS samples, SUM(ok) AS ok FROM ProbeSample WHERE at > ? AND tenantId IS NULL GROUP BY probe ORDER BY probe",
      since,
    ),
    db.probeSample.findMany({
      where: { probe: "e2e", ok: true, tenantId: null, at: { gt: since }, latencyMs: { not: null } },
      select: { latencyMs: true },
    }),
  ]);
  const sorted = latencies.map((l) => l.latencyMs!).sort((a, b) => a - b);
  return {
    latest: latest.map((l) => ({ probe: l.probe, target: l.target, ok: Boolean(Number(l.ok)), latencyMs: l.latencyMs === null ? null : Number(l.latencyMs), at: l.at })),
    shares: shares.map((s) => ({ probe: s.probe, samples: Number(s.samples), ok: Number(s.ok ?? 0) })),
    deliveryLatencyMs: { p50: percentile(sorted, 50), p95: percentile(sorted, 95), samples: sorted.length },
  };
}
