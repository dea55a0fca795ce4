import { Registry } from "./metrics/registry";
import { failed, readSources } from "./monitoring-sources";

// The gauges /api/metrics adds to the portal's own counters: the platform's state as MariaDB and
// Redis hold it, whichever process changed it. Read at scrape time through the few-second cache
// (monitoring-sources.ts). mailstead_metrics_source_up says which source could not be read, so a
// missing series is never mistaken for a zero.

const seconds = (d: Date) => d.getTime() / 1000;

export async function platformGauges(): Promise<string> {
  const s = await readSources(["health", "queues", "mail", "probes", "backup"]);
  const r = new Registry();
  const sourceUp = r.gauge("mailstead_metrics_source_up", "Whether /api/metrics could read this source (health, queues, mail, probes, backup) at the last scrape.", ["source"]);
  for (const [name, v] of Object.entries(s)) sourceUp.set({ source: name }, failed(v) ? 0 : 1);

  if (!failed(s.health)) {
    const up = r.gauge("mailstead_dependency_up", "Whether a dependency answered its health check (1) or not (0), by group (checks, filters, services) and name.", ["group", "dependency"]);
    const latency = r.gauge("mailstead_dependency_latency_seconds", "How long the dependency's health check took.", ["group", "dependency"]);
    const { status: _status, ...services } = s.health.services;
    for (const [group, deps] of Object.entries({ checks: s.health.checks, filters: s.health.filters, services })) {
      for (const [name, state] of Object.entries(deps)) {
        if (!state) continue;
        up.set({ group, dependency: name }, state.ok ? 1 : 0);
        latency.set({ group, dependency: name }, state.latencyMs / 1000);
      }
    }
  }
  if (!failed(s.queues)) {
    const jobs = r.gauge("mailstead_queue_jobs", "BullMQ jobs in each queue by state (waiting, active, delayed, failed = kept failed jobs).", ["queue", "state"]);
    for (const q of s.queues) for (const state of ["waiting", "active", "delayed", "failed"] as const) jobs.set({ queue: q.queue, state }, q[state]);
  }
  if (!failed(s.mail)) {
    const outbox = r.gauge("mailstead_outbox_messages", "Relay rows not yet final, by status (queued, sending, deferred).", ["status"]);
    for (const [status, n] of Object.entries(s.mail.outbox)) outbox.set({ status }, n);
    r.gauge("mailstead_outbox_oldest_waiting_seconds", "Age of the oldest relay row still queued or deferred (0 when none).").set(undefined, s.mail.oldestWaitingSeconds);
    r.gauge("mailstead_quarantine_held_messages", "Quarantine entries held for review (not released, not expired).").set(undefined, s.mail.quarantineHeld);
  }
  if (!failed(s.probes)) {
    const up = r.gauge("mailstead_probe_ok", "The latest SLA probe run's result (1 ok, 0 failed) in the last 24 h, by probe and target.", ["probe", "target"]);
    const at = r.gauge("mailstead_probe_last_run_timestamp_seconds", "When that run started (Unix seconds).", ["probe", "target"]);
    const lat = r.gauge("mailstead_probe_latency_seconds", "That run's latency, where it has one.", ["probe", "target"]);
    for (const l of s.probes.latest) {
      up.set({ probe: l.probe, target: l.target }, l.ok ? 1 : 0);
      at.set({ probe: l.probe, target: l.target }, seconds(l.at));
      if (l.latencyMs !== null) lat.set({ probe: l.probe, target: l.target }, l.latencyMs / 1000);
    }
    const samples = r.gauge("mailstead_probe_samples_24h", "SLA probe samples of the last 24 h, by probe and result (ok, failed).", ["probe", "result"]);
    for (const p of s.probes.shares) {
      samples.set({ probe: p.probe, result: "ok" }, p.ok);
      samples.set({ probe: p.probe, result: "failed" }, p.samples - p.ok);
    }
    const q = r.gauge("mailstead_probe_delivery_latency_24h_seconds", "End-to-end delivery latency of the e2e probe's successful runs over 24 h, by quantile (0.5, 0.95).", ["quantile"]);
    const { p50, p95 } = s.probes.deliveryLatencyMs;
    if (p50 !== null) q.set({ quantile: "0.5" }, p50 / 1000);
    if (p95 !== null) q.set({ quantile: "0.95" }, p95 / 1000);
  }
  if (!failed(s.backup) && s.backup) {
    if (s.backup.finishedAt) r.gauge("mailstead_backup_last_success_timestamp_seconds", "When the latest successful configuration backup finished (Unix seconds).").set(undefined, seconds(s.backup.finishedAt));
    r.gauge("mailstead_backup_failures_since_success", "Failed backup runs since the latest successful one.").set(undefined, s.backup.failedSince);
  }
  return r.expose();
}
