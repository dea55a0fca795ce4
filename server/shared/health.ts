import { db } from "./db";
import { createRedis } from "./redis";
import pkg from "@/package.json";

export type DependencyState = { ok: boolean; latencyMs: number; error?: string };
export type Health = { status: "ok" | "degraded"; version: string; checks: { mariadb: DependencyState; redis: DependencyState } };

const TIMEOUT_MS = 2_000;

async function timed(check: () => Promise<unknown>): Promise<DependencyState> {
  const started = performance.now();
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS).unref()),
    ]);
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (e) {
    return { ok: false, latencyMs: Math.round(performance.now() - started), error: e instanceof Error ? e.message : String(e) };
  }
}

/** The state of each dependency the portal needs; a load balancer takes it out on 503. */
export async function checkHealth(): Promise<Health> {
  const [mariadb, redis] = await Promise.all([
    timed(() => db.$queryRawUnsafe("SELECT 1")),
    timed(async () => {
      const r = createRedis({ lazy: true });
      r.on("error", () => {}); // reported through the failed ping below
      try {
        await r.connect();
        await r.ping();
      } finally {
        r.disconnect();
      }
    }),
  ]);
  return { status: mariadb.ok && redis.ok ? "ok" : "degraded", version: pkg.version, checks: { mariadb, redis } };
}
