import { Worker } from "bullmq";
import { getQueue, queueDefs, queuePrefix } from "@/server/shared/queues";
import { createRedis } from "@/server/shared/redis";
import { logger } from "@/server/shared/logger";
import { purgeOldLoginLog } from "@/server/auth/login-log/purge-old-login-log";

const log = logger("worker.login-log-retention");

/** The scheduler's id (no ":" — BullMQ builds job ids from it and ":" separates its keys). */
export const LOGIN_LOG_RETENTION_SCHEDULER = "login-log-retention-daily";
/** Daily at 03:50 UTC (11:50 in China): a quiet hour, ten minutes after the delivery-log purge. */
export const LOGIN_LOG_RETENTION_PATTERN = "50 3 * * *";

/** Registers (or updates) the daily purge; safe to call at every start. */
export async function registerLoginLogRetention(): Promise<void> {
  const def = queueDefs.loginLogRetention;
  await getQueue("loginLogRetention").upsertJobScheduler(
    LOGIN_LOG_RETENTION_SCHEDULER,
    { pattern: LOGIN_LOG_RETENTION_PATTERN, tz: "UTC" },
    { name: def.name, data: def.payload.parse({}), opts: { attempts: def.options.attempts, backoff: def.options.backoff, removeOnComplete: def.options.removeOnComplete, removeOnFail: def.options.removeOnFail } },
  );
}

/** Runs the purge (one at a time); with `schedule` (the default) it also registers the daily job. */
export function startLoginLogRetentionWorker(opts: { schedule?: boolean } = {}): Worker {
  const def = queueDefs.loginLogRetention;
  const connection = createRedis({ forWorker: true });
  const worker = new Worker(def.name, () => purgeOldLoginLog(), { connection, prefix: queuePrefix(), concurrency: 1 });
  worker.on("failed", (job, err) => log.warn("purge attempt failed", { jobId: job?.id, attemptsMade: job?.attemptsMade, error: err.message }));
  worker.on("error", (err) => log.error("worker error", { error: err.message }));
  // BullMQ never closes a connection it was handed, so this one goes here.
  worker.on("closed", () => {
    connection.quit().catch(() => connection.disconnect());
  });
  if (opts.schedule ?? true) {
    registerLoginLogRetention().then(
      () => log.info("login log purge scheduled", { pattern: LOGIN_LOG_RETENTION_PATTERN }),
      (e) => log.error("could not schedule the login log purge", { error: String(e) }),
    );
  }
  return worker;
}
