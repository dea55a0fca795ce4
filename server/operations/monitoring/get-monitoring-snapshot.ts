import { clock } from "@/server/shared/clock";
import type { Health } from "@/server/shared/health";
import type { ProbeSummary } from "./probe-summary";
import type { DependencyRow, MonitoringSnapshot, Share } from "./get-monitoring-snapshot.types";
import { failed, readSources, type SourceName } from "./monitoring-sources";

// The operators' dashboard (/ops/monitoring): the same cached sources as /api/metrics, shaped
// for the page. Read-only, and every section stands alone: Redis down still shows the database's
// figures, with the reason for the missing part.

const UPTIME_PROBES = ["smtp_mx", "submission", "pop3", "http", "network", "e2e"];

function share(ok: number, samples: number): Share {
  return { ok, samples, pct: samples > 0 ? Math.round((ok / samples) * 10_000) / 100 : null };
}

function dependencies(h: Health): DependencyRow[] {
  const { status: _status, ...services } = h.services;
  const groups = { checks: h.checks, filters: h.filters, services } as const;
  return (Object.keys(groups) as (keyof typeof groups)[]).flatMap((group) =>
    Object.entries(groups[group]).flatMap(([name, s]) => (s ? [{ group, name, ok: s.ok, latencyMs: s.latencyMs, error: s.error ?? null }] : [])),
  );
}

function probes(p: ProbeSummary): NonNullable<MonitoringSnapshot["probes"]> {
  const of = (probe: string) => p.shares.find((s) => s.probe === probe) ?? { probe, samples: 0, ok: 0 };
  const ham = of("ham");
  return {
    uptime: UPTIME_PROBES.map((probe) => ({ probe, ...share(of(probe).ok, of(probe).samples) })),
    deliveryLatencyMs: p.deliveryLatencyMs,
    spamCaught: share(of("spam").ok, of("spam").samples),
    // A ham sample that is not "ok" was flagged: the false positive.
    hamFalsePositive: share(ham.samples - ham.ok, ham.samples),
    virusFound: share(of("virus").ok, of("virus").samples),
    latestFailures: p.latest.filter((l) => !l.ok).map((l) => ({ probe: l.probe, target: l.target, at: l.at })),
  };
}

export async function getMonitoringSnapshot(): Promise<MonitoringSnapshot> {
  const s = await readSources(["health", "queues", "mail", "hours", "probes", "backup"]);
  const errors: MonitoringSnapshot["errors"] = {};
  for (const [name, v] of Object.entries(s)) if (failed(v)) errors[name as SourceName] = v.error;
  const ok = <T>(v: T | { error: string }): T | null => (failed(v) ? null : (v as T));
  const health = ok(s.health);
  const probeSummary = ok(s.probes);
  return {
    generatedAt: clock.now(),
    health: health && { status: health.status, services: health.services.status, version: health.version, dependencies: dependencies(health) },
    queues: ok(s.queues),
    mail: ok(s.mail),
    hours: ok(s.hours),
    probes: probeSummary && probes(probeSummary),
    backup: ok(s.backup),
    errors,
  };
}
