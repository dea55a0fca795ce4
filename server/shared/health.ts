import { db, type Db } from "./db";
import { env } from "./env";
import { Redis } from "ioredis";
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
export async function checkHealth(deps: { database?: Db; redisUrl?: string } = {}): Promise<Health> {
  const database = deps.database ?? db;
  const [mariadb, redis] = await Promise.all([
    timed(() => database.$queryRawUnsafe("SELECT 1")),
    timed(async () => {
      // A connection of its own that gives up at once: the check must not queue or retry.
      const r = new Redis(deps.redisUrl ?? env().REDIS_URL, {
        lazyConnect: true,
        enableOfflineQueue: false,
        maxRetriesPerRequest: 0,
        connectTimeout: TIMEOUT_MS,
        retryStrategy: () => null,
      });
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
