import { UnrecoverableError, Worker, type Job } from "bullmq";
import { getQueue, queueDefs, queuePrefix, type Payload } from "@/server/shared/queues";
import { createRedis } from "@/server/shared/redis";
import { logger } from "@/server/shared/logger";
import { closePreviousMonth } from "@/server/sla/close/scheduled-close";
import { runSlaDaily, runSlaTick } from "@/server/sla/rollups/sla-maintenance";

const log = logger("worker.sla-maintenance");

type Task = Payload<"slaMaintenance">["task"];

/**
 * The schedulers (ids without ":" — BullMQ builds job ids from them and ":" separates its keys).
 * The tick every 10 minutes; the daily run at 01:50 UTC, after the night's seal (00:15 + a tick)
 * and away from the delivery-log purge (03:40). The month close at 03:00 UTC on the 1st and 2nd,
 * after that night's seal and latency roll-up (server/sla/close/scheduled-close.ts).
 */
export const SLA_MAINTENANCE_SCHEDULES: Record<Task, { id: string; pattern: string }> = {
  tick: { id: "sla-maintenance-tick", pattern: "*/10 * * * *" },
  daily: { id: "sla-maintenance-daily", pattern: "50 1 * * *" },
  close: { id: "sla-month-close", pattern: "0 3 1,2 * *" },
};

const RUN: Record<Task, () => Promise<unknown>> = { tick: runSlaTick, daily: runSlaDaily, close: closePreviousMonth };

/** Registers (or updates) both schedulers; safe to call at every start. */
export async function registerSlaMaintenance(): Promise<void> {
  const def = queueDefs.slaMaintenance;
  for (const [task, { id, pattern }] of Object.entries(SLA_MAINTENANCE_SCHEDULES)) {
    await getQueue("slaMaintenance").upsertJobScheduler(
      id,
      { pattern, tz: "UTC" },
      { name: def.name, data: def.payload.parse({ task }), opts: { attempts: def.options.attempts, backoff: def.options.backoff, removeOnComplete: def.options.removeOnComplete, removeOnFail: def.options.removeOnFail } },
    );
  }
}

async function processJob(job: Job): Promise<unknown> {
  const payload = queueDefs.slaMaintenance.payload.safeParse(job.data);
  if (!payload.success) throw new UnrecoverableError(`invalid sla-maintenance payload: ${payload.error.message}`);
  return RUN[payload.data.task]();
}

/** One run at a time (a tick and the daily run touch the same windows); with `schedule` (the default) it also registers the schedulers. */
export function startSlaMaintenanceWorker(opts: { schedule?: boolean } = {}): Worker {
  const connection = createRedis({ forWorker: true });
  const worker = new Worker(queueDefs.slaMaintenance.name, processJob, { connection, prefix: queuePrefix(), concurrency: 1 });
  worker.on("failed", (job, err) => log.warn("maintenance attempt failed", { jobId: job?.id, task: job?.data?.task, attemptsMade: job?.attemptsMade, error: err.message }));
  worker.on("error", (err) => log.error("worker error", { error: err.message }));
  // BullMQ never closes a connection it was handed, so this one goes here.
  worker.on("closed", () => {
    connection.quit().catch(() => connection.disconnect());
  });
  if (opts.schedule ?? true) {
    registerSlaMaintenance().then(
      () => log.info("SLA maintenance scheduled", { schedules: SLA_MAINTENANCE_SCHEDULES }),
      (e) => log.error("could not schedule the SLA maintenance", { error: String(e) }),
    );
  }
  return worker;
}
