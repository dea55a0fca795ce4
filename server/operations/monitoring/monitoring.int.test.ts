import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/metrics/route";
import { operatorUser, resellerUser } from "@/server/billing/billing-test-fixtures";
import { createMailTenant, type MailTenant } from "@/server/mail/mail-test-fixtures";
import { db } from "@/server/shared/db";
import { resetEnvCache } from "@/server/shared/env";
import { describeMatrix } from "@/server/test/authz";
import { makeContext } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/root";
import type { SessionUser } from "@/server/auth/session-user";
import { observeHttpRequest } from "./metrics/http-metrics";
import { clearMonitoringCache } from "./monitoring-sources";

// /api/metrics through its real route handler with real Requests, and the dashboard's snapshot
// through the tRPC caller, over a database holding a probe run, a backup and a delivery-log line.

const TOKEN = "metrics-route-test-token-0123";
let tenant: MailTenant;
const finishedAt = new Date(Date.now() - 3 * 3600_000);

beforeAll(async () => {
  process.env.METRICS_TOKEN = TOKEN;
  resetEnvCache();
  tenant = await createMailTenant();
  const now = new Date();
  await db.probeSample.createMany({
    data: [
      { probe: "e2e", target: "mx:25", location: "test", ok: true, latencyMs: 1200, at: new Date(now.getTime() - 120_000) },
      { probe: "e2e", target: "mx:25", location: "test", ok: true, latencyMs: 800, at: new Date(now.getTime() - 60_000) },
      { probe: "spam", target: "mx:25", location: "test", ok: false, at: new Date(now.getTime() - 60_000) },
    ],
  });
  await db.$executeRawUnsafe("INSERT INTO BackupRun (id, kind, status, startedAt, finishedAt) VALUES ('b1', 'scheduled', 'succeeded', ?, ?), ('b2', 'manual', 'failed', ?, ?)", finishedAt, finishedAt, now, now);
  await db.messageEvent.create({
    data: { messageId: "01J000000000000000000000AA", tenantId: tenant.tenant.id, direction: "inbound", sender: "a@outside.test", recipient: "b@x.test", subject: "s", status: "delivered", history: [], receivedAt: now, updatedAt: now },
  });
});
afterAll(() => {
  delete process.env.METRICS_TOKEN;
  resetEnvCache();
});

const get = (authorization?: string) => GET(new Request("http://localhost/api/metrics", { headers: authorization ? { authorization } : {} }));

describe("/api/metrics", () => {
  it("answers 401 without a token and with a wrong one", async () => {
    expect((await get()).status).toBe(401);
    const wrong = await get(`Bearer ${TOKEN}-not`);
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toMatch(/METRICS_TOKEN/);
  });

  it("answers 404 with a sentence while METRICS_TOKEN is unset", async () => {
    delete process.env.METRICS_TOKEN;
    resetEnvCache();
    try {
      const res = await get(`Bearer ${TOKEN}`);
      expect(res.status).toBe(404);
      expect(await res.text()).toBe("metrics are off: set METRICS_TOKEN (docs/monitoring.md)\n");
    } finally {
      process.env.METRICS_TOKEN = TOKEN;
      resetEnvCache();
    }
  });

  it("exposes the portal's requests, queues, mail states, probes and the last backup with the right token", async () => {
    observeHttpRequest("GET", "/ops/monitoring?x=1", 200, performance.now() - 30);
    clearMonitoringCache();
    const res = await get(`Bearer ${TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
    const text = await res.text();
    for (const family of [
      "mailstead_http_requests_total counter",
      "mailstead_http_request_duration_seconds histogram",
      "mailstead_dependency_up gauge",
      "mailstead_queue_jobs gauge",
      "mailstead_outbox_messages gauge",
      "mailstead_quarantine_held_messages gauge",
      "mailstead_probe_ok gauge",
      "mailstead_probe_delivery_latency_24h_seconds gauge",
      "mailstead_backup_last_success_timestamp_seconds gauge",
    ]) {
      expect(text).toContain(`# TYPE ${family}\n`);
    }
    expect(text).toMatch(/^mailstead_http_requests_total\{method="GET",status="2xx",route="\/ops"\} [1-9]\d*$/m);
    expect(text).toContain('mailstead_queue_jobs{queue="outbound-delivery",state="waiting"} 0\n');
    expect(text).toContain('mailstead_outbox_messages{status="deferred"} 0\n');
    expect(text).toContain('mailstead_probe_ok{probe="spam",target="mx:25"} 0\n');
    expect(text).toContain('mailstead_probe_latency_seconds{probe="e2e",target="mx:25"} 0.8\n');
    expect(text).toContain('mailstead_probe_delivery_latency_24h_seconds{quantile="0.95"} 1.2\n');
    expect(text).toContain(`mailstead_backup_last_success_timestamp_seconds ${finishedAt.getTime() / 1000}\n`);
    expect(text).toContain("mailstead_backup_failures_since_success 1\n");
    expect(text).toContain('mailstead_dependency_up{group="checks",dependency="mariadb"} 1\n');
    expect(text).toMatch(/^mailstead_metrics_source_up\{source="queues"\} 1$/m);
  });
});

type Who = "anonymous" | "customer" | "reseller" | "operator";
const who = (w: Who): SessionUser | null => (w === "anonymous" ? null : { customer: tenant.admin, reseller: resellerUser, operator: operatorUser }[w]);

describeMatrix<Who>(
  "operations.monitoring × callers",
  { snapshot: (w) => createCaller(makeContext(who(w))).operations.monitoring.snapshot() },
  { snapshot: { anonymous: "UNAUTHORIZED", customer: "FORBIDDEN", reseller: "FORBIDDEN", operator: "ok" } },
);

describe("operations.monitoring.snapshot", () => {
  it("gives the operator every section: health, queues, 24 hourly buckets, probe rates, the last backup", async () => {
    clearMonitoringCache();
    const s = await createCaller(makeContext(operatorUser)).operations.monitoring.snapshot();
    expect(s.errors).toEqual({});
    expect(s.health?.status).toBe("ok");
    expect(s.health?.dependencies).toEqual(expect.arrayContaining([expect.objectContaining({ group: "checks", name: "mariadb", ok: true })]));
    expect(s.queues?.map((q) => q.queue)).toContain("outbound-delivery");
    expect(s.hours).toHaveLength(24);
    expect(s.hours!.reduce((n, h) => n + h.delivered, 0)).toBe(1);
    expect(s.probes?.deliveryLatencyMs).toEqual({ p50: 800, p95: 1200, samples: 2 });
    expect(s.probes?.spamCaught).toEqual({ ok: 0, samples: 1, pct: 0 });
    expect(s.probes?.uptime.find((u) => u.probe === "e2e")).toMatchObject({ ok: 2, samples: 2, pct: 100 });
    expect(s.probes?.latestFailures).toEqual([expect.objectContaining({ probe: "spam", target: "mx:25" })]);
    expect(s.backup).toEqual({ finishedAt, failedSince: 1 });
  });
});
