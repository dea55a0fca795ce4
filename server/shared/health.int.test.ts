import { createServer } from "node:http";
import net, { type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEngine } from "@/server/mail/smtp/smtp-test-helpers";
import { listenerTarget, type ServiceTargets } from "./health-services";
import { checkHealth } from "./health";
import { createDb } from "./db";
import { resetEnvCache } from "./env";
import { GET } from "@/app/api/health/route";

// Port 1 on loopback: nothing listens there, so the connection is refused at once.
const deadDb = createDb("mysql://root@127.0.0.1:1/none");
// Never connected, so nothing to close; $disconnect would wait for the pool's retries.

describe("health", () => {
  it("is ok with the version when MariaDB and Redis answer", async () => {
    const res = await GET();
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(200);
    expect(body).toMatchObject({ status: "ok", checks: { mariadb: { ok: true }, redis: { ok: true } } });
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("is degraded, naming Redis, when Redis does not answer", async () => {
    const h = await checkHealth({ redisUrl: "redis://127.0.0.1:1" });
    expect(h.status).toBe("degraded");
    expect(h.checks.mariadb.ok).toBe(true);
    expect(h.checks.redis).toMatchObject({ ok: false });
    expect(h.checks.redis.error).toBeTruthy();
  });

  it("is degraded, naming MariaDB, when MariaDB does not answer", async () => {
    const h = await checkHealth({ database: deadDb });
    expect(h.status).toBe("degraded");
    expect(h.checks.mariadb).toMatchObject({ ok: false });
    expect(h.checks.redis.ok).toBe(true);
  });

  // rspamd and clamd run as real services (scripts/services/); their checks are reported for
  // operators but are not part of the status: the engine defers mail with 451 while they are down.
  it("reports rspamd, spamd and clamd when they answer", async () => {
    const h = await checkHealth();
    expect(h.filters.rspamd).toMatchObject({ ok: true });
    expect(h.filters.spamassassin).toMatchObject({ ok: true });
    expect(h.filters.clamd).toMatchObject({ ok: true });
    expect(h.filters.clamd.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it("stays ok (200), naming the scanner, when rspamd, spamd and clamd do not answer", async () => {
    const h = await checkHealth({ rspamdUrl: "http://127.0.0.1:1", spamd: { port: 1 }, clamd: { port: 1 } });
    expect(h.status).toBe("ok");
    expect(h.checks).toMatchObject({ mariadb: { ok: true }, redis: { ok: true } });
    expect(h.filters.rspamd).toMatchObject({ ok: false });
    expect(h.filters.rspamd.error).toBeTruthy();
    expect(h.filters.spamassassin).toMatchObject({ ok: false, error: expect.stringMatching(/^spamassassin: 127.0.0.1:1: connect ECONNREFUSED/) });
    expect(h.filters.clamd).toMatchObject({ ok: false, error: "no PONG to PING at 127.0.0.1:1" });
  });

  it("counts an HTTP server that is not rspamd (RSPAMD_URL pointing elsewhere) as rspamd down", async () => {
    const server = createServer((_req, res) => res.writeHead(404).end("Not Found"));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    try {
      const { port } = server.address() as AddressInfo;
      const h = await checkHealth({ rspamdUrl: `http://127.0.0.1:${port}` });
      expect(h.filters.rspamd).toMatchObject({ ok: false, error: '/ping answered 404 "Not Found"' });
    } finally {
      server.close();
    }
  });
});

// The platform's other processes (issue 12): a real engine on port 0 and its DNS sandbox.
describe("health of the services", () => {
  let engine: Awaited<ReturnType<typeof startTestEngine>>;
  beforeAll(async () => {
    engine = await startTestEngine();
  });
  afterAll(async () => engine?.cleanup());

  const targets = (over: Partial<ServiceTargets["listeners"]> = {}): ServiceTargets => ({
    listeners: {
      mx: listenerTarget("smtp", "127.0.0.1", engine.ports.mx),
      submission: listenerTarget("smtp", "127.0.0.1", engine.ports.submission),
      pop3: listenerTarget("pop3", "127.0.0.1", engine.ports.pop3),
      ...over,
    },
    dns: { host: engine.dns.host, port: engine.dns.port, name: "nothing-here.test" },
  });

  it("is ok when the MX, submission and POP3 listeners greet and the DNS sandbox answers", async () => {
    const h = await checkHealth({ services: targets() });
    expect(h.services).toMatchObject({ status: "ok", mx: { ok: true }, submission: { ok: true }, pop3: { ok: true }, dns: { ok: true } });
  });

  it("is degraded, naming the listener, when one is down; the portal's own status stays ok (200)", async () => {
    const h = await checkHealth({ services: targets({ mx: listenerTarget("smtp", "127.0.0.1", 1) }) });
    expect(h.status).toBe("ok");
    expect(h.services.status).toBe("degraded");
    expect(h.services.mx).toMatchObject({ ok: false, error: expect.stringMatching(/^127\.0\.0\.1:1: connect ECONNREFUSED/) });
    expect(h.services.pop3).toMatchObject({ ok: true });
  });

  it("counts a port that answers with something other than the greeting as down", async () => {
    const server = net.createServer((s) => s.end("HTTP/1.1 400 Bad Request\r\n\r\n"));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    try {
      const { port } = server.address() as AddressInfo;
      const h = await checkHealth({ services: targets({ pop3: listenerTarget("pop3", "127.0.0.1", port) }) });
      expect(h.services.pop3).toMatchObject({ ok: false, error: `127.0.0.1:${port} greeted "HTTP/1.1 400 Bad Request"` });
    } finally {
      server.close();
    }
  });
});

describe("health of the configured services", () => {
  it("shares one check of the listeners between many /api/health calls: a flood of health requests is not a flood of SMTP sessions", async () => {
    let connections = 0;
    const server = net.createServer((s) => {
      connections++;
      s.end("220 mx.test ESMTP\r\n");
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const saved = { ...process.env };
    try {
      Object.assign(process.env, { SMTP_MX_PORT: String((server.address() as AddressInfo).port), SMTP_SUBMISSION_PORT: "0", POP3_PORT: "0", MAIL_HEALTH_HOST: "127.0.0.1", DNS_SANDBOX: "off" });
      resetEnvCache();
      const answers = await Promise.all(Array.from({ length: 20 }, () => GET().then((r) => r.json() as Promise<{ services: { mx?: { ok: boolean } } }>)));
      for (const a of await Promise.all([GET().then((r) => r.json() as Promise<{ services: { mx?: { ok: boolean } } }>)])) answers.push(a);
      expect(answers.every((a) => a.services.mx?.ok === true)).toBe(true);
      expect(connections).toBe(1);
    } finally {
      process.env = saved;
      resetEnvCache();
      server.close();
    }
  });
});
