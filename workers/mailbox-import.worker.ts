import { UnrecoverableError, Worker, type Job } from "bullmq";
import { queueDefs, queuePrefix } from "@/server/shared/queues";
import { createRedis } from "@/server/shared/redis";
import { logger } from "@/server/shared/logger";
import { failImport } from "@/server/tenants/imports/finish-import";
import { ImportGoneError, runImport } from "@/server/tenants/imports/run-import";

const log = logger("worker.mailbox-import");

/** Validates the payload, then runs the resumable handler; all rules live in server/tenants/imports. */
async function processJob(job: Job): Promise<void> {
  const payload = queueDefs.mailboxImport.payload.safeParse(job.data);
  if (!payload.success) throw new UnrecoverableError(`invalid mailbox-import payload: ${payload.error.message}`);
  try {
    await runImport(payload.data.importId);
  } catch (e) {
    if (e instanceof ImportGoneError) throw new UnrecoverableError(e.message);
    throw e;
  }
}

/**
 * Starts a worker for the mailbox-import queue. One import at a time: each holds the tenant's
 * lock chunk by chunk, and two in parallel would only take turns on 2 cores.
 */
export function startMailboxImportWorker(opts: { concurrency?: number } = {}): Worker {
  const def = queueDefs.mailboxImport;
  const connection = createRedis({ forWorker: true });
  const worker = new Worker(def.name, processJob, { connection, prefix: queuePrefix(), concurrency: opts.concurrency ?? 1 });
  worker.on("failed", (job, err) => {
    log.warn("import attempt failed", { jobId: job?.id, attemptsMade: job?.attemptsMade, error: err.message });
    // The last attempt, or one BullMQ will not retry: the row must not stay "applying".
    const final = job && (err instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1));
    const parsed = def.payload.safeParse(job?.data);
    if (final && parsed.success) {
      failImport(parsed.data.importId, err.message).catch((e) => log.error("could not mark the import failed", { importId: parsed.data.importId, error: String(e) }));
    }
  });
  worker.on("error", (err) => log.error("worker error", { error: err.message }));
  // BullMQ never closes a connection it was handed (it may be shared), so this one goes here.
  worker.on("closed", () => {
    connection.quit().catch(() => connection.disconnect());
  });
  return worker;
}
