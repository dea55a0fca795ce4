import { Worker } from "bullmq";
import { env } from "@/server/shared/env";
import { getQueue, queueDefs, queuePrefix } from "@/server/shared/queues";
import { createRedis } from "@/server/shared/redis";
import { logger } from "@/server/shared/logger";
import { runBackup } from "@/server/operations/backups/run-backup";

const log = logger("worker.config-backup");

/** The scheduler's id (no ":" — BullMQ builds job ids from it and ":" separates its keys). */
export const CONFIG_BACKUP_SCHEDULER = "config-backup-daily";

/** Registers (or updates) the daily backup at BACKUP_CRON (UTC); safe to call at every start. */
export async function registerConfigBackup(): Promise<void> {
  const def = queueDefs.configBackup;
  await getQueue("configBackup").upsertJobScheduler(
    CONFIG_BACKUP_SCHEDULER,
    { pattern: env().BACKUP_CRON, tz: "UTC" },
    { name: def.name, data: def.payload.parse({}), opts: { attempts: def.options.attempts, removeOnComplete: def.options.removeOnComplete, removeOnFail: def.options.removeOnFail } },
  );
}

/**
 * Runs backups one at a time: a job with a runId is the portal's manual run, one without is the
 * daily scheduled run. A failure is recorded on the BackupRun row by runBackup.
 */
export function startConfigBackupWorker(opts: { schedule?: boolean } = {}): Worker {
  const def = queueDefs.configBackup;
  const connection = createRedis({ forWorker: true });
  const worker = new Worker(
    def.name,
    async (job) => {
      const { runId } = def.payload.parse(job.data);
      const run = await runBackup(runId ? { kind: "manual", runId } : { kind: "scheduled" });
      return { runId: run.id, status: run.status };
    },
    // A large backup streams for minutes: the lock must outlive the default 30 s between renewals.
    { connection, prefix: queuePrefix(), concurrency: 1, lockDuration: 120_000 },
  );
  worker.on("failed", (job, err) => log.warn("backup failed", { jobId: job?.id, error: err.message }));
  worker.on("error", (err) => log.error("worker error", { error: err.message }));
  // BullMQ never closes a connection it was handed, so this one goes here.
  worker.on("closed", () => {
    connection.quit().catch(() => connection.disconnect());
  });
  if (opts.schedule ?? true) {
    registerConfigBackup().then(
      () => log.info("daily backup scheduled", { pattern: env().BACKUP_CRON }),
      (e) => log.error("could not schedule the daily backup", { error: String(e) }),
    );
  }
  return worker;
}
