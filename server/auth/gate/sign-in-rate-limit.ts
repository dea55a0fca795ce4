import type { Redis } from "ioredis";
import { clock } from "@/server/shared/clock";
import { env } from "@/server/shared/env";
import { logger } from "@/server/shared/logger";
import { createRedis } from "@/server/shared/redis";

const log = logger("auth.gate");

type Held = { redis: Redis; ready: Promise<void> };
const holder = globalThis as unknown as { __mailsteadSignInRate?: Held };

async function rateRedis(): Promise<Redis> {
  if (!holder.__mailsteadSignInRate) {
    const redis = createRedis({ lazy: true });
    holder.__mailsteadSignInRate = { redis, ready: redis.connect() };
  }
  const held = holder.__mailsteadSignInRate;
  await held.ready.catch(() => {}); // ioredis keeps reconnecting; commands fail fast meanwhile
  return held.redis;
}

/** The counter of one source address in one minute; under QUEUE_PREFIX like every Redis key. */
export function signInRateKey(ip: string, minute: number): string {
  return `${env().QUEUE_PREFIX}:signin-rate:${ip}:${minute}`;
}

/**
 * Counts a portal sign-in attempt from `ip` and says whether it is over SIGN_IN_RATE_PER_MINUTE
 * (a fixed 60-second window per address). It slows scripted guessing before the lockouts have
 * to, and caps the argon2 work one address can cause. Redis being away lets attempts through:
 * the lockouts in MariaDB still hold, and a broken cache must not keep everyone out.
 */
export async function overSignInRate(ip: string | null): Promise<boolean> {
  if (!ip) return false;
  const minute = Math.floor(clock.now().getTime() / 60_000);
  const key = signInRateKey(ip, minute);
  try {
    const redis = await rateRedis();
    const [[, count]] = (await redis.multi().incr(key).expire(key, 120).exec()) as [[Error | null, number]];
    return count > env().SIGN_IN_RATE_PER_MINUTE;
  } catch (error) {
    log.warn("sign-in rate limit unavailable", { error: String(error) });
    return false;
  }
}

/** Closes the connection (end of a test file, shutdown). */
export async function closeSignInRate(): Promise<void> {
  const held = holder.__mailsteadSignInRate;
  holder.__mailsteadSignInRate = undefined;
  await held?.redis.quit().catch(() => held.redis.disconnect());
}
