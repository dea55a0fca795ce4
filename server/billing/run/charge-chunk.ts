import type { BillingRun } from "@/server/generated/prisma/client.ts";
import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { moneyTransaction, type Tx } from "../ledger/money-transaction";
import { lockTenants, loadChunk } from "./chunk-data";
import { decideChunk } from "./decide-chunk";
import { nextCandidateIds } from "./run-candidates";
import { insertCharges, persistSteps, suspendTenants } from "./write-chunk";

const SYSTEM: AuditActor = { id: null, email: null, role: null, tenantId: null, ip: null };

export type ChunkResult = { run: BillingRun; finished: boolean };

/** Thrown when the ledger disagrees with what the chunk read under its locks; the chunk rolls back. */
export class ChunkConflictError extends Error {
  override name = "ChunkConflictError";
}

/**
 * One chunk, all in ONE transaction: the run's row is locked first (two executors of the same run
 * take turns and each continues from the other's cursor), then the chunk's tenants, whose writes
 * and the run's cursor and counters commit together. A crash loses at most the chunk in flight,
 * which rolls back whole and is done again on resume.
 */
export async function chargeChunk(runId: string, zones: string[], chunkSize: number, now: Date): Promise<ChunkResult> {
  return moneyTransaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM BillingRun WHERE id = ${runId} FOR UPDATE`;
    const run = await tx.billingRun.findUniqueOrThrow({ where: { id: runId } });
    if (run.status === "done") return { run, finished: true };

    const ids = await nextCandidateIds(tx, run.month, zones, run.cursor, chunkSize);
    if (ids.length === 0) return { run: await finishRun(tx, run, now), finished: true };

    await lockTenants(tx, ids);
    const data = await loadChunk(tx, ids, run.month, zones);
    const decided = decideChunk(ids.length, data, run.month);
    const moved = await persistSteps(tx, decided.charges, now);
    const written = await insertCharges(tx, decided.charges, run.month, now);
    if (written !== decided.charges.length) {
      throw new ChunkConflictError(`${decided.charges.length - written} of ${decided.charges.length} charges for ${run.month} already existed; the chunk is retried`);
    }
    const suspended = await suspendTenants(tx, decided.suspensions, run.month, run.id, now);
    const updated = await tx.billingRun.update({
      where: { id: run.id },
      data: {
        cursor: ids[ids.length - 1],
        status: "running",
        error: null,
        heartbeatAt: now,
        processed: { increment: ids.length },
        charged: { increment: written },
        chargedAmount: { increment: BigInt(decided.charges.reduce((sum, c) => sum + c.fee, 0)) },
        suspended: { increment: suspended },
        skipped: { increment: decided.skipped },
        resizesApplied: { increment: moved.resizesApplied },
        renewals: { increment: moved.renewals },
      },
    });
    return { run: updated, finished: false };
  });
}

/** Marks the run done and writes its summary to the operation log, in the last chunk's transaction. */
async function finishRun(tx: Tx, run: BillingRun, now: Date): Promise<BillingRun> {
  const done = await tx.billingRun.update({ where: { id: run.id }, data: { status: "done", error: null, heartbeatAt: now, finishedAt: now } });
  const { month, processed, charged, chargedAmount, suspended, skipped, resizesApplied, renewals } = done;
  await recordAudit(
    SYSTEM,
    {
      action: "billing.run.finish",
      tenantId: null,
      target: { type: "billing_run", id: run.id },
      details: { month, processed, charged, chargedAmount: Number(chargedAmount), suspended, skipped, resizesApplied, renewals },
    },
    tx,
  );
  return done;
}
