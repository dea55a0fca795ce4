import { clock } from "@/server/shared/clock";
import { logger } from "@/server/shared/logger";
import { batchStatements, type StoredFile } from "./batch-statements";
import type { Outcome } from "./group-commit";
import { fsyncDirectory } from "./message-files";
import { CommitUnknownError, isLockConflict, runStatements } from "./store-db";

// The two group-commit stages of a message: its directory entry made durable (one fsync per
// directory, shared by every message of the batch filed there; it runs while the file's own
// fsync does), then, once both are done, its rows committed (one transaction per batch). Being
// separate stages, one batch's directory fsync overlaps the previous batch's commit.

const log = logger("mail.store");

/** A message whose file is written, waiting for its directory fsync and then its rows. */
export type PendingMessage = StoredFile & { directory: string };

const ER_NO_REFERENCED_ROW = 1452;

/** A clearer error for what the database said about one message's rows. */
function explain(error: unknown, batch: PendingMessage[]): unknown {
  if ((error as { errno?: number }).errno === ER_NO_REFERENCED_ROW && batch.length === 1) {
    return new Error(`message ${batch[0]?.msg.id}: a recipient mailbox no longer exists`, { cause: error });
  }
  return error;
}

async function commitRows(batch: PendingMessage[]): Promise<void> {
  try {
    await runStatements(batchStatements(batch, clock.now()));
  } catch (error) {
    // InnoDB rolled the whole transaction back; one more try usually gets through.
    if (!isLockConflict(error)) throw error;
    log.warn("store batch hit a lock conflict, retrying once", { messages: batch.length });
    await runStatements(batchStatements(batch, clock.now()));
  }
}

/** Commits the rows of `batch`; when the batch fails as a whole, each message alone, so one bad message fails only itself. */
export async function commitRowsBatch(batch: PendingMessage[]): Promise<Outcome[]> {
  try {
    await commitRows(batch);
    return batch.map(() => ({ ok: true }));
  } catch (error) {
    // After an uncertain COMMIT a retry could store the batch twice: fail it and let clients retry.
    if (batch.length === 1 || error instanceof CommitUnknownError) return batch.map(() => ({ ok: false, error: explain(error, batch) }));
    log.warn("store batch failed, committing its messages one by one", { messages: batch.length, error: String(error) });
    const outcomes: Outcome[] = [];
    for (const one of batch) outcomes.push((await commitRowsBatch([one]))[0] ?? { ok: false, error });
    return outcomes;
  }
}

/**
 * The first stage's flush: one fsync per directory the batch's files are in. A directory that
 * cannot be synced fails the messages filed there (their rows are never written).
 */
export async function syncDirectories(batch: PendingMessage[]): Promise<Outcome[]> {
  const directories = [...new Set(batch.map((p) => p.directory))];
  const synced = await Promise.allSettled(directories.map((d) => fsyncDirectory(d)));
  const failed = new Map<string, unknown>();
  synced.forEach((s, i) => s.status === "rejected" && failed.set(directories[i] ?? "", s.reason));
  return batch.map((p) => (failed.has(p.directory) ? { ok: false, error: failed.get(p.directory) } : { ok: true }));
}

