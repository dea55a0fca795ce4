import type { Redis } from "ioredis";
import { env } from "@/server/shared/env";
import { logger } from "@/server/shared/logger";
import { createRedis } from "@/server/shared/redis";

const log = logger("rate-limit");

type Held = { redis: Redis; ready: Promise<void> };
const holder = globalThis as unknown as { __mailsteadRateCounter?: Held };

async function counterRedis(): Promise<Redis> {
  if (!holder.__mailsteadRateCounter) {
    const redis = createRedis({ lazy: true });
    holder.__mailsteadRateCounter = { redis, ready: redis.connect() };
  }
  const held = holder.__mailsteadRateCounter;
  await held.ready.catch(() => {}); // ioredis keeps reconnecting; commands fail fast meanwhile
  return held.redis;
}

/** A counter's key: `<QUEUE_PREFIX>:<name>:<parts…>:<window number>`, like every Redis key of ours. */
export function windowKey(name: string, parts: readonly string[], windowSeconds: number, now: Date): string {
  const window = Math.floor(now.getTime() / 1000 / windowSeconds);
  return [env().QUEUE_PREFIX, name, ...parts, String(window)].join(":");
}

/**
 * Adds one to each counter of a fixed window (rate limits: sign-ins per address per minute,
 * reset e-mails per hour) and returns the new counts, or null when Redis cannot be reached: a
 * rate limit is a brake, and a broken cache must not keep everyone out (callers log and go on;
 * the lockouts and single-use tokens in MariaDB still hold). Keys expire after two windows.
 */
export async function countInWindow(keys: readonly string[], windowSeconds: number, what: string): Promise<number[] | null> {
  try {
    const redis = await counterRedis();
    const multi = redis.multi();
    for (const key of keys) multi.incr(key).expire(key, windowSeconds * 2);
    const replies = (await multi.exec()) ?? [];
    return replies.filter((_, i) => i % 2 === 0).map(([, n]) => Number(n));
  } catch (error) {
    log.warn(`${what} rate limit unavailable`, { error: String(error) });
    return null;
  }
}

/** Closes the connection (end of a test file, shutdown). */
export async function closeWindowCounters(): Promise<void> {
  const held = holder.__mailsteadRateCounter;
  holder.__mailsteadRateCounter = undefined;
  await held?.redis.quit().catch(() => held.redis.disconnect());
}
