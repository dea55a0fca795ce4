import { db } from "@/server/shared/db";
import { clock } from "@/server/shared/clock";
import { notFound } from "@/server/shared/errors";
import { logger } from "@/server/shared/logger";
import { chargeChunk } from "./charge-chunk";
import { toBillingRunView } from "./billing-run-view";
import type { BillingRunView } from "./billing-run.types";
import { dueTimeZones } from "./run-candidates";

const log = logger("billing.run");

/** Measured with `npm run bench:billing` (docs/benchmarks.md): larger chunks gained nothing. */
export const BILLING_RUN_CHUNK_SIZE = 1_000;

export type ExecuteBillingRunOptions = {
  chunkSize?: number;
  /** Stop (leaving the run resumable) after this many chunks; tests use it to simulate a crash. */
  maxChunks?: number;
  /** Checked between chunks: the chunk in flight always commits or rolls back whole. */
  signal?: AbortSignal;
  onProgress?: (run: BillingRunView) => void | Promise<void>;
};

/** done: finished now; already-done: nothing to do; paused: maxChunks reached; aborted: the signal fired. */
export type ExecuteOutcome = "done" | "already-done" | "paused" | "aborted";
export type ExecuteBillingRunResult = { outcome: ExecuteOutcome; run: BillingRunView };

/**
 * Works through a run's candidates from its cursor, chunk by chunk, until none is left. Safe to
 * call again after any failure or interruption, and by several callers at once (the BullMQ job,
 * its retry, the CLI): every chunk re-reads the cursor under the run's lock, and the ledger's
 * unique key makes a charge happen once whatever happens.
 */
export async function executeBillingRun(runId: string, opts: ExecuteBillingRunOptions = {}): Promise<ExecuteBillingRunResult> {
  const chunkSize = opts.chunkSize ?? BILLING_RUN_CHUNK_SIZE;
  const row = await db.billingRun.findUnique({ where: { id: runId } });
  if (!row) throw notFound("Billing run");
  if (row.status === "done") return { outcome: "already-done", run: toBillingRunView(row) };

  const now = clock.now();
  await db.billingRun.updateMany({ where: { id: runId, status: { not: "done" } }, data: { status: "running", error: null, heartbeatAt: now } });
  try {
    // Which zones are due is decided once, at the start: the set of due tenants is one snapshot.
    const zones = await dueTimeZones(row.month, now);
    for (let chunks = 0; ; chunks++) {
      if (opts.signal?.aborted) return await interrupt(runId);
      if (opts.maxChunks !== undefined && chunks >= opts.maxChunks) {
        return { outcome: "paused", run: toBillingRunView(await db.billingRun.findUniqueOrThrow({ where: { id: runId } })) };
      }
      const { run, finished } = await chargeChunk(runId, zones, chunkSize, clock.now());
      const view = toBillingRunView(run);
      await opts.onProgress?.(view);
      if (finished) {
        log.info("billing run done", { runId, month: view.month, processed: view.processed, charged: view.charged, suspended: view.suspended });
        return { outcome: "done", run: view };
      }
    }
  } catch (e) {
    await failRun(runId, e instanceof Error ? e.message : String(e));
    throw e;
  }
}

/** An interrupted run is marked failed, which start-billing-run treats as resumable at once. */
async function interrupt(runId: string): Promise<ExecuteBillingRunResult> {
  const run = await db.billingRun.findUniqueOrThrow({ where: { id: runId } });
  if (run.status === "done") return { outcome: "done", run: toBillingRunView(run) };
  await failRun(runId, `Interrupted after ${run.processed} of ${run.tenantsTotal} tenants; start the run for ${run.month} again to resume`);
  return { outcome: "aborted", run: toBillingRunView(await db.billingRun.findUniqueOrThrow({ where: { id: runId } })) };
}

/** Records the failure; a run another executor finished meanwhile stays done. */
async function failRun(runId: string, message: string): Promise<void> {
  await db.billingRun
    .updateMany({ where: { id: runId, status: { not: "done" } }, data: { status: "failed", error: message.slice(0, 500), heartbeatAt: clock.now() } })
    .catch((err) => log.error("could not record the run's failure", { runId, error: String(err) }));
  log.warn("billing run stopped", { runId, error: message });
}
