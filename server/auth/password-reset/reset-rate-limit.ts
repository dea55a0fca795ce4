import { createHash } from "node:crypto";
import type { Redis } from "ioredis";
import { clock } from "@/server/shared/clock";
import { env } from "@/server/shared/env";
import { DomainError, say } from "@/server/shared/errors";
import { logger } from "@/server/shared/logger";
import { createRedis } from "@/server/shared/redis";

const log = logger("auth.password-reset");

type Held = { redis: Redis; ready: Promise<void> };
const holder = globalThis as unknown as { __mailsteadResetRate?: Held };

async function rateRedis(): Promise<Redis> {
  if (!holder.__mailsteadResetRate) {
    const redis = createRedis({ lazy: true });
    holder.__mailsteadResetRate = { redis, ready: redis.connect() };
  }
  const held = holder.__mailsteadResetRate;
  await held.ready.catch(() => {}); // ioredis keeps reconnecting; commands fail fast meanwhile
  return held.redis;
}

// The address is hashed in the key: Redis need not hold the e-mail addresses people typed.
const keysFor = (ip: string | null, email: string, hour: number) => {
  const prefix = `${env().QUEUE_PREFIX}:reset-rate`;
  const mail = createHash("sha256").update(email).digest("hex").slice(0, 32);
  return [`${prefix}:email:${mail}:${hour}`, ...(ip ? [`${prefix}:ip:${ip}:${hour}`] : [])];
};

export const RESET_RATE_LIMITED = say(
  "Too many password reset requests from here or for this address: wait an hour and try again, or ask your administrator",
  "重置密码请求过于频繁（来自同一网络或针对同一邮箱）：请一小时后再试，或联系管理员",
);

/**
 * Counts a reset request per source address and per e-mail address in a fixed one-hour window,
 * and refuses the one over PASSWORD_RESET_RATE_PER_HOUR (either count): it stops a script from
 * flooding an inbox or probing many accounts. Counted whether the account exists or not, so the
 * answer says nothing about it. Redis being away lets requests through (logged): the tokens stay
 * single-use and short-lived either way.
 */
export async function assertResetRate(ip: string | null, email: string): Promise<void> {
  const hour = Math.floor(clock.now().getTime() / 3_600_000);
  let counts: number[];
  try {
    const redis = await rateRedis();
    const multi = redis.multi();
    for (const key of keysFor(ip, email, hour)) multi.incr(key).expire(key, 7_200);
    const replies = (await multi.exec()) ?? [];
    counts = replies.filter((_, i) => i % 2 === 0).map(([, n]) => Number(n));
  } catch (error) {
    log.warn("password reset rate limit unavailable", { error: String(error) });
    return;
  }
  if (counts.some((n) => n > env().PASSWORD_RESET_RATE_PER_HOUR)) throw new DomainError("RATE_LIMITED", RESET_RATE_LIMITED);
}

/** Closes the connection (end of a test file, shutdown). */
export async function closeResetRate(): Promise<void> {
  const held = holder.__mailsteadResetRate;
  holder.__mailsteadResetRate = undefined;
  await held?.redis.quit().catch(() => held.redis.disconnect());
}
