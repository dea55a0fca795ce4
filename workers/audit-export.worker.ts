import { UnrecoverableError, Worker, type Job } from "bullmq";
import { queueDefs, queuePrefix } from "@/server/shared/queues";
import { createRedis } from "@/server/shared/redis";
import { logger } from "@/server/shared/logger";
import {
  isPermanentExportError,
  runAuditExport,
  type RunAuditExportOptions,
  type RunAuditExportResult,
} from "@/server/audit/run-audit-export";
import { failAuditExport } from "@/server/audit/fail-audit-export";

const log = logger("worker.audit-export");

export type AuditExportWorkerOptions = Pick<RunAuditExportOptions, "batchSize" | "progressIntervalMs"> & {
  concurrency?: number;
};

/** Validates the payload, then runs the idempotent handler; all rules live in server/audit. */
async function processJob(job: Job, opts: AuditExportWorkerOptions): Promise<RunAuditExportResult> {
  const payload = queueDefs.auditExport.payload.safeParse(job.data);
  if (!payload.success) throw new UnrecoverableError(`invalid audit-export payload: ${payload.error.message}`);
  try {
    return await runAuditExport(payload.data.exportId, {
      batchSize: opts.batchSize,
      progressIntervalMs: opts.progressIntervalMs,
      onProgress: (percent) => job.updateProgress(percent),
      finalAttempt: job.attemptsMade + 1 >= (job.opts.attempts ?? 1),
    });
  } catch (e) {
    if (isPermanentExportError(e)) throw new UnrecoverableError("the export's stored filters are invalid");
    throw e;
  }
}

/**
 * Starts a worker for the audit-export queue. `npm run workers` starts it through run.ts;
 * tests start it in-process. close() lets the running job finish.
 */
export function startAuditExportWorker(opts: AuditExportWorkerOptions = {}): Worker {
  const def = queueDefs.auditExport;
  const connection = createRedis({ forWorker: true });
  const worker = new Worker(def.name, (job) => processJob(job, opts), {
    connection,
    prefix: queuePrefix(),
    concurrency: opts.concurrency ?? 2,
  });
  worker.on("failed", (job, err) => {
    log.warn("export attempt failed", { jobId: job?.id, attemptsMade: job?.attemptsMade, error: err.message });
    // The last attempt, or one BullMQ will not retry: the row must not stay "running".
    const final = job && (err instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1));
    const parsed = queueDefs.auditExport.payload.safeParse(job?.data);
    if (final && parsed.success) {
      failAuditExport(parsed.data.exportId, err.message).catch((e) =>
        log.error("could not mark the export failed", { exportId: parsed.data.exportId, error: String(e) }),
      );
    }
  });
  worker.on("error", (err) => log.error("worker error", { error: err.message }));
  // BullMQ never closes a connection it was handed (it may be shared), so this one goes here.
  worker.on("closed", () => {
    connection.quit().catch(() => connection.disconnect());
  });
  return worker;
}
