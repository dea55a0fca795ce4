import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import { env } from "@/server/shared/env";
import { createRedis } from "@/server/shared/redis";

// At most OUTBOUND_PER_DOMAIN sessions to one destination domain at a time, across every job
// of every worker process: a counting semaphore in Redis, one sorted set per domain whose
// members are the holders and whose scores are when each hold expires. A holder that dies
// (a killed worker) frees its slot when the hold expires, so a slot is never lost for longer
// than an attempt can last. Redis is only the dispatch: if it is flushed or restarted the
// counts start from zero, which lets a few extra sessions through for one attempt's time, and
// never loses or duplicates mail (the outbox row's claim in MariaDB decides who sends).

const ACQUIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then return 0 end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), ARGV[2])
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[3]))
return 1`;

type Held = { redis: Redis; ready: Promise<void> };
const holder = globalThis as unknown as { __mailsteadOutboundSlots?: Held };

/**
 * The relay's own Redis connection (slots, and the sweeper's look at job keys), connected before
 * first use. It fails fast (no offline queue) while Redis is away: a slot that cannot be asked
 * for is a busy domain, and the row waits.
 */
export async function relayRedis(): Promise<Redis> {
  if (!holder.__mailsteadOutboundSlots) {
    const redis = createRedis({ lazy: true });
    holder.__mailsteadOutboundSlots = { redis, ready: redis.connect() };
  }
  const held = holder.__mailsteadOutboundSlots;
  await held.ready.catch(() => {}); // a failed first connect: ioredis keeps reconnecting, commands fail fast meanwhile
  return held.redis;
}

/** The key of a domain's holders; under QUEUE_PREFIX so test files and parallel runs never share. */
export function slotKey(domain: string): string {
  return `${env().QUEUE_PREFIX}:outbound-slots:${domain}`;
}

export type Slot = { release(): Promise<void> };

/**
 * A slot for `domain`, held at most `holdMs`, or null when OUTBOUND_PER_DOMAIN sessions hold
 * them all (or Redis cannot be asked: then the row waits rather than sending unbounded).
 */
export async function acquireDomainSlot(domain: string, holdMs: number): Promise<Slot | null> {
  const token = randomUUID();
  const key = slotKey(domain);
  let got: unknown;
  try {
    got = await (await relayRedis()).eval(ACQUIRE, 1, key, env().OUTBOUND_PER_DOMAIN, token, Math.max(1, Math.round(holdMs)));
  } catch {
    return null;
  }
  if (got !== 1) return null;
  return {
    release: async () => {
      await relayRedis()
        .then((r) => r.zrem(key, token))
        .catch(() => {}); // the hold expires by itself
    },
  };
}

/** Closes the connection (worker shutdown, end of a test file). */
export async function closeDomainSlots(): Promise<void> {
  const held = holder.__mailsteadOutboundSlots;
  holder.__mailsteadOutboundSlots = undefined;
  await held?.redis.quit().catch(() => held.redis.disconnect());
}
