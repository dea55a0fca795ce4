import { UnrecoverableError, Worker, type Job } from "bullmq";
import { getQueue, queueDefs, queuePrefix } from "@/server/shared/queues";
import { createRedis } from "@/server/shared/redis";
import { logger } from "@/server/shared/logger";
import { DomainError } from "@/server/shared/errors";
import { executeBillingRun, type ExecuteBillingRunResult } from "@/server/billing/run/execute-billing-run";
import { TICK_HANDLERS, type TickTask } from "./billing-tick-handlers";

const log = logger("worker.billing");

export type BillingRunWorkerOptions = { chunkSize?: number };

/** Thrown when a shutdown stops a run between chunks: BullMQ retries the job, which resumes. */
export class BillingRunInterrupted extends Error {
  override name = "BillingRunInterrupted";
}

/** The worker for one queue with the shared connection handling (its own connection, closed with it). */
function startWorker(name: string, handler: (job: Job, worker: () => Worker) => Promise<unknown>, concurrency: number): Worker {
  const connection = createRedis({ forWorker: true });
  const worker: Worker = new Worker(name, (job) => handler(job, () => worker), { connection, prefix: queuePrefix(), concurrency });
  worker.on("failed", (job, err) => log.warn("job attempt failed", { queue: name, jobId: job?.id, attemptsMade: job?.attemptsMade, error: err.message }));
  worker.on("error", (err) => log.error("worker error", { queue: name, error: err.message }));
  worker.on("closed", () => {
    connection.quit().catch(() => connection.disconnect());
  });
  return worker;
}

async function processRunJob(job: Job, worker: Worker, opts: BillingRunWorkerOptions): Promise<ExecuteBillingRunResult> {
  const payload = queueDefs.billingRun.payload.safeParse(job.data);
  if (!payload.success) throw new UnrecoverableError(`invalid billing-run payload: ${payload.error.message}`);
  // close() waits for the running job: stop between chunks instead, so a shutdown takes seconds.
  const stop = new AbortController();
  const onClosing = () => stop.abort();
  worker.on("closing", onClosing);
  try {
    const result = await executeBillingRun(payload.data.runId, {
      chunkSize: opts.chunkSize,
      signal: stop.signal,
      onProgress: (run) => job.updateProgress(run.progress),
    });
    if (result.outcome === "aborted") throw new BillingRunInterrupted(`run ${payload.data.runId} stopped by a shutdown; a retry resumes it`);
    return result;
  } catch (e) {
    if (e instanceof DomainError && e.code === "NOT_FOUND") throw new UnrecoverableError(`billing run ${payload.data.runId} does not exist`);
    throw e;
  } finally {
    worker.off("closing", onClosing);
  }
}

/** One run at a time: a run is already batched, and two would only contend for the same rows. */
export function startBillingRunWorker(opts: BillingRunWorkerOptions = {}): Worker {
  return startWorker(queueDefs.billingRun.name, (job, worker) => processRunJob(job, worker(), opts), 1);
}

async function processTickJob(job: Job): Promise<unknown> {
  const payload = queueDefs.billingTick.payload.safeParse(job.data);
  if (!payload.success) throw new UnrecoverableError(`invalid billing-tick payload: ${payload.error.message}`);
  const handler = TICK_HANDLERS[payload.data.task];
  if (!handler) throw new UnrecoverableError(`no handler for the billing tick task "${payload.data.task}"`);
  return handler.run();
}

/** Registers (or updates) one repeatable job per tick task; safe to call at every start. */
export async function registerBillingTickSchedules(): Promise<TickTask[]> {
  const def = queueDefs.billingTick;
  const tasks = Object.keys(TICK_HANDLERS) as TickTask[];
  for (const task of tasks) {
    await getQueue("billingTick").upsertJobScheduler(
      `billing-tick:${task}`,
      { pattern: TICK_HANDLERS[task]!.pattern, tz: "UTC" },
      { name: def.name, data: def.payload.parse({ task }), opts: { attempts: def.options.attempts, backoff: def.options.backoff, removeOnComplete: def.options.removeOnComplete, removeOnFail: def.options.removeOnFail } },
    );
  }
  return tasks;
}

/** The tick worker; with `schedule` (the default) it also registers the repeatable ticks. */
export function startBillingTickWorker(opts: { schedule?: boolean } = {}): Worker {
  const worker = startWorker(queueDefs.billingTick.name, (job) => processTickJob(job), 1);
  if (opts.schedule ?? true) {
    registerBillingTickSchedules().then(
      (tasks) => log.info("billing ticks scheduled", { tasks }),
      (e) => log.error("could not schedule the billing ticks", { error: String(e) }),
    );
  }
  return worker;
}
