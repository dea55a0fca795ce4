import { enqueue, getQueue } from "@/server/shared/queues";
import { logger } from "@/server/shared/logger";

const log = logger("billing.run");

/**
 * Queues the run's job under jobId = runId, so a repeated request queues it once. A job of that
 * id that already finished (completed, or failed for good) is removed first: BullMQ would
 * otherwise ignore the add, and a run resumed after a crash would never be picked up again.
 */
export async function enqueueBillingRun(runId: string): Promise<void> {
  const existing = await getQueue("billingRun").getJob(runId);
  if (existing) {
    const state = await existing.getState();
    if (state !== "completed" && state !== "failed") return;
    await existing.remove().catch((e) => log.warn("could not remove the finished job; adding anyway", { runId, error: String(e) }));
  }
  await enqueue("billingRun", { runId }, runId);
}
