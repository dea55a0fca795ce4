import { Redis } from "ioredis";
import { env } from "./env";

/**
 * A new connection. BullMQ workers need maxRetriesPerRequest null and an offline queue (they
 * wait for Redis to come back); request-path clients fail fast instead of hanging a page.
 */
export function createRedis(opts: { forWorker?: boolean; lazy?: boolean } = {}): Redis {
  return new Redis(env().REDIS_URL, {
    maxRetriesPerRequest: opts.forWorker ? null : 1,
    lazyConnect: opts.lazy ?? false,
    enableOfflineQueue: opts.forWorker ?? false,
    connectTimeout: 2_000,
  });
}
