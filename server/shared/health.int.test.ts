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
});
