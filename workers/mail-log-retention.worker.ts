import { Worker } from "bullmq";
import { getQueue, queueDefs, queuePrefix } from "@/server/shared/queues";
import { createRedis } from "@/server/shared/redis";
import { logger } from "@/server/shared/logger";
import { purgeOldMailLog, type PurgeOutcome } from "@/server/mail/log/purge-old-mail-log";
import { purgeFinishedOutbox, type OutboxPurgeOutcome } from "@/server/mail/store/purge-finished-outbox";

const log = logger("worker.mail-log-retention");

/** The scheduler's id (no ":" — BullMQ builds job ids from it and ":" separates its keys). */
export const MAIL_LOG_RETENTION_SCHEDULER = "mail-log-retention-daily";
/** Daily at 03:40 UTC (11:40 in China): a quiet hour, away from the billing ticks' minutes. */
export const MAIL_LOG_RETENTION_PATTERN = "40 3 * * *";

/** Registers (or updates) the daily purge; safe to call at every start. */
export async function registerMailLogRetention(): Promise<void> {
  const def = queueDefs.mailLogRetention;
  await getQueue("mailLogRetention").upsertJobScheduler(
    MAIL_LOG_RETENTION_SCHEDULER,
    { pattern: MAIL_LOG_RETENTION_PATTERN, tz: "UTC" },
    { name: def.name, data: def.payload.parse({}), opts: { attempts: def.options.attempts, backoff: def.options.backoff, removeOnComplete: def.options.removeOnComplete, removeOnFail: def.options.removeOnFail } },
  );
}

/** Runs the purge (one at a time); with `schedule` (the default) it also registers the daily job. */
export function startMailLogRetentionWorker(opts: { schedule?: boolean } = {}): Worker {
  const def = queueDefs.mailLogRetention;
  const connection = createRedis({ forWorker: true });
  // The relay's finished rows (and the messages only they kept) share the log's retention.
  const purge = async (): Promise<PurgeOutcome & { outbox: OutboxPurgeOutcome }> => ({ ...(await purgeOldMailLog()), outbox: await purgeFinishedOutbox() });
  const worker = new Worker(def.name, purge, { connection, prefix: queuePrefix(), concurrency: 1 });
  worker.on("failed", (job, err) => log.warn("purge attempt failed", { jobId: job?.id, attemptsMade: job?.attemptsMade, error: err.message }));
  worker.on("error", (err) => log.error("worker error", { error: err.message }));
  // BullMQ never closes a connection it was handed, so this one goes here.
  worker.on("closed", () => {
    connection.quit().catch(() => connection.disconnect());
  });
  if (opts.schedule ?? true) {
    registerMailLogRetention().then(
      () => log.info("delivery log purge scheduled", { pattern: MAIL_LOG_RETENTION_PATTERN }),
      (e) => log.error("could not schedule the delivery log purge", { error: String(e) }),
    );
  }
  return worker;
}
