import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/server/shared/db";
import { env } from "@/server/shared/env";
import { setClock } from "@/server/shared/clock";
import { createSampleWriter, type SampleWriter } from "./write-samples";
import type { ProbeSampleInput } from "./probe-sample.types";

// The writer against the real MariaDB: batching, the database's clock, sealed days, and a
// database that goes away (a real TCP relay in front of MariaDB that the test closes and reopens).

const writers: SampleWriter[] = [];
const restores: (() => void)[] = [];
afterEach(async () => {
  restores.splice(0).forEach((r) => r());
  await Promise.all(writers.splice(0).map((w) => w.close().catch(() => {})));
  await db.probeSample.deleteMany();
  await db.sampleDigest.deleteMany();
});

function writer(opts: Parameters<typeof createSampleWriter>[0] = {}) {
  const w = createSampleWriter({ flushSeconds: 600, ...opts });
  writers.push(w);
  return w;
}

const sample = (over: Partial<ProbeSampleInput> = {}): ProbeSampleInput => ({
  probe: "smtp_mx",
  target: "127.0.0.1:2525",
  location: "test-host",
  ok: true,
  latencyMs: 12,
  error: null,
  at: new Date(),
  ...over,
});

describe("batching", () => {
  it("writes nothing until a flush, then everything in one go", async () => {
    const w = writer();
    for (let i = 0; i < 3; i++) w.add(sample({ latencyMs: i }));
    expect(await db.probeSample.count()).toBe(0);
    await w.flush();
    const rows = await db.probeSample.findMany({ orderBy: { id: "asc" } });
    expect(rows.map((r) => r.latencyMs)).toEqual([0, 1, 2]);
    expect(rows[0]).toMatchObject({ probe: "smtp_mx", location: "test-host", ok: true, skewMs: 0, detail: null });
  });

  it("flushes by itself at 500 rows and on the timer", async () => {
    const w = writer({ flushSeconds: 1 });
    for (let i = 0; i < 500; i++) w.add(sample());
    await expect.poll(() => db.probeSample.count(), { timeout: 2_000 }).toBe(500);
    w.add(sample({ probe: "pop3", detail: { label: "ham", verdict: "delivered" } }));
    await expect.poll(() => db.probeSample.count({ where: { probe: "pop3" } }), { timeout: 3_000 }).toBe(1);
    expect((await db.probeSample.findFirst({ where: { probe: "pop3" } }))?.detail).toEqual({ label: "ham", verdict: "delivered" });
    expect(w.pending()).toBe(0);
  });

  it("close() flushes what is left", async () => {
    const w = createSampleWriter({ flushSeconds: 600 });
    w.add(sample({ ok: false, error: "x".repeat(900), latencyMs: null }));
    await w.close();
    const row = await db.probeSample.findFirstOrThrow();
    expect(row.error).toHaveLength(500);
    expect(row.latencyMs).toBeNull();
  });
});

describe("clock skew", () => {
  it("moves the samples of a host 5 s ahead onto the database clock and records the skew", async () => {
    restores.push(setClock(() => new Date(Date.now() + 5_000)));
    const w = writer();
    const at = new Date(Date.now() + 5_000);
    w.add(sample({ at }));
    await w.flush();
    const row = await db.probeSample.findFirstOrThrow();
    expect(row.skewMs).toBeGreaterThan(4_800);
    expect(row.skewMs).toBeLessThan(5_200);
    expect(Math.abs(row.at.getTime() - (at.getTime() - 5_000))).toBeLessThan(200);
    expect(w.stats().lastSkewMs).toBe(row.skewMs);
  });

  it("leaves a skew within the tolerance alone", async () => {
    restores.push(setClock(() => new Date(Date.now() + 1_000)));
    const w = writer();
    const at = new Date("2026-11-27T10:00:00.123Z");
    w.add(sample({ at }));
    await w.flush();
    const row = await db.probeSample.findFirstOrThrow();
    expect(row).toMatchObject({ skewMs: 0, at });
  });
});

describe("sealed days", () => {
  it("refuses samples whose UTC day has a digest, writes the others", async () => {
    await db.sampleDigest.create({ data: { day: new Date("2026-11-01T00:00:00Z"), samples: 1, digest: Buffer.alloc(32), sealedAt: new Date() } });
    // The probe host's clock at 00:05 on the 2nd (its own frame: no correction in this test).
    restores.push(setClock(new Date("2026-11-02T00:05:00Z")));
    const w = writer({ toleranceMs: Number.MAX_SAFE_INTEGER });
    w.add(sample({ at: new Date("2026-11-01T23:59:59.999Z") }));
    w.add(sample({ at: new Date("2026-11-02T00:00:00.000Z") }));
    await w.flush();
    const rows = await db.probeSample.findMany();
    expect(rows.map((r) => r.at.toISOString())).toEqual(["2026-11-02T00:00:00.000Z"]);
    expect(w.stats()).toMatchObject({ written: 1, refusedSealed: 1 });
    expect(w.pending()).toBe(0);
  });

  it("refuses samples of a day that ended more than the seal grace ago, sealed yet or not (it may be being sealed)", async () => {
    restores.push(setClock(new Date("2026-11-02T00:20:00Z"))); // the 1st ended 20 minutes ago; grace 15
    const w = writer({ toleranceMs: Number.MAX_SAFE_INTEGER });
    w.add(sample({ at: new Date("2026-11-01T23:59:00Z") }));
    w.add(sample({ at: new Date("2026-11-02T00:19:00Z") }));
    await w.flush();
    expect((await db.probeSample.findMany()).map((r) => r.at.toISOString())).toEqual(["2026-11-02T00:19:00.000Z"]);
    expect(w.stats()).toMatchObject({ written: 1, refusedSealed: 1 });
  });
});

describe("database down", () => {
  /** A relay to MariaDB that the test can take down (every connection cut) and bring back. */
  async function relay() {
    const { hostname, port } = new URL(env().DATABASE_URL);
    const sockets = new Set<net.Socket>();
    const server = net.createServer((client) => {
      const upstream = net.connect(Number(port || 3306), hostname);
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on("error", () => {});
        s.on("close", () => sockets.delete(s));
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const relayPort = (server.address() as AddressInfo).port;
    const url = new URL(env().DATABASE_URL);
    url.hostname = "127.0.0.1";
    url.port = String(relayPort);
    // close() waits for open connections: cut them (the pool keeps its connections open).
    const down = () =>
      new Promise<void>((r) => {
        if (!server.listening) return r();
        server.close(() => r());
        sockets.forEach((s) => s.destroy());
      });
    return { url: url.toString(), down, up: () => new Promise<void>((r) => server.listen(relayPort, "127.0.0.1", r)) };
  }

  it("keeps the rows through a failed flush, drops the oldest beyond the cap, writes them once it is back", async () => {
    const r = await relay();
    try {
      const w = writer({ databaseUrl: r.url, pendingCap: 4 });
      w.add(sample({ latencyMs: 1 }));
      await w.flush();
      expect(await db.probeSample.count()).toBe(1);

      await r.down();
      for (let i = 2; i <= 4; i++) w.add(sample({ latencyMs: i }));
      await w.flush();
      expect(w.pending()).toBe(3);
      expect(w.stats().failedFlushes).toBe(1);
      for (let i = 5; i <= 6; i++) w.add(sample({ latencyMs: i }));
      expect(w.pending()).toBe(4);
      expect(w.stats().dropped).toBe(1);

      await r.up();
      await w.flush();
      expect(w.pending()).toBe(0);
      const rows = await db.probeSample.findMany({ orderBy: { id: "asc" } });
      expect(rows.map((x) => x.latencyMs)).toEqual([1, 3, 4, 5, 6]);
    } finally {
      await r.down();
    }
  });
});
