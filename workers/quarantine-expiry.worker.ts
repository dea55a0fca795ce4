import { Worker } from "bullmq";
import { expireQuarantine, type ExpiryOutcome } from "@/server/mail/quarantine/expire-quarantine";
import { logger } from "@/server/shared/logger";
import { getQueue, queueDefs, queuePrefix } from "@/server/shared/queues";
import { createRedis } from "@/server/shared/redis";

const log = logger("worker.quarantine-expiry");

/** The scheduler's id (no ":" — BullMQ builds job ids from it and ":" separates its keys). */
export const QUARANTINE_EXPIRY_SCHEDULER = "quarantine-expiry-hourly";
/** Hourly at minute 17: away from the billing ticks' and the log purge's minutes. */
export const QUARANTINE_EXPIRY_PATTERN = "17 * * * *";

/** Registers (or updates) the hourly expiry; safe to call at every start. */
export async function registerQuarantineExpiry(): Promise<void> {
  const def = queueDefs.quarantineExpiry;
  await getQueue("quarantineExpiry").upsertJobScheduler(
    QUARANTINE_EXPIRY_SCHEDULER,
    { pattern: QUARANTINE_EXPIRY_PATTERN, tz: "UTC" },
    { name: def.name, data: def.payload.parse({}), opts: { attempts: def.options.attempts, backoff: def.options.backoff, removeOnComplete: def.options.removeOnComplete, removeOnFail: def.options.removeOnFail } },
  );
}

/** Runs the expiry (one at a time); with `schedule` (the default) it also registers the hourly job. */
export function startQuarantineExpiryWorker(opts: { schedule?: boolean } = {}): Worker {
  const def = queueDefs.quarantineExpiry;
  const connection = createRedis({ forWorker: true });
  const worker = new Worker(def.name, (): Promise<ExpiryOutcome> => expireQuarantine(), { connection, prefix: queuePrefix(), concurrency: 1 });
  worker.on("failed", (job, err) => log.warn("expiry attempt failed", { jobId: job?.id, attemptsMade: job?.attemptsMade, error: err.message }));
  worker.on("error", (err) => log.error("worker error", { error: err.message }));
  // BullMQ never closes a connection it was handed, so this one goes here.
  worker.on("closed", () => {
    connection.quit().catch(() => connection.disconnect());
  });
  if (opts.schedule ?? true) {
    registerQuarantineExpiry().then(
      () => log.info("quarantine expiry scheduled", { pattern: QUARANTINE_EXPIRY_PATTERN }),
      (e) => log.error("could not schedule the quarantine expiry", { error: String(e) }),
    );
  }
  return worker;
}
