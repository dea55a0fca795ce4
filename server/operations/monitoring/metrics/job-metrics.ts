import type { Worker } from "bullmq";
import { processRegistry } from "./process-registry";

// The workers process counts its own jobs: BullMQ's failed set is trimmed (removeOnFail) and
// some queues drop failed jobs at once (domain-check), so Redis alone undercounts failures.

const jobs = () =>
  processRegistry().counter("mailstead_jobs_total", "BullMQ jobs this workers process finished, by queue and result (completed, failed: one attempt failed).", [
    "queue",
    "result",
  ]);

/** Counts the worker's completed and failed attempts; both series start at 0 so rate() works from the start. */
export function countJobs(worker: Worker, queue: string): void {
  jobs().touch({ queue, result: "completed" });
  jobs().touch({ queue, result: "failed" });
  worker.on("completed", () => jobs().inc({ queue, result: "completed" }));
  worker.on("failed", () => jobs().inc({ queue, result: "failed" }));
}
