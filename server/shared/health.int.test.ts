import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { checkHealth } from "./health";
import { createDb } from "./db";
import { GET } from "@/app/api/health/route";

// Port 1 on loopback: nothing listens there, so the connection is refused at once.
const deadDb = createDb("mysql://root@127.0.0.1:1/none");
// Never connected, so nothing to close; $disconnect would wait for the pool's retries.

describe("health", () => {
  it("is ok with the version when MariaDB and Redis answer", async () => {
    const res = await GET();
    expect(res.status).toBe(200);
    const body = await res.json();
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
