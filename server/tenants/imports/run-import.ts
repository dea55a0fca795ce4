import type { AuditActor } from "@/server/audit/record-audit";
import { hashPassword } from "@/server/auth/password";
import { db } from "@/server/shared/db";
import { logger } from "@/server/shared/logger";
import { queueWelcomeLetters } from "../welcome/queue-welcome-letters";
import { applyImportChunk, type ChunkHook } from "./apply-import-chunk";
import { applyFile, readJson, rowsFile, unsealPassword } from "./import-files";
import { confirmOutcomes } from "./import-outcomes";
import { finishImport } from "./finish-import";
import type { StoredRows } from "./upload-import";
import type { PlannedRow } from "./validate-import-rows";

const log = logger("imports");

/** What apply-import leaves for the job: the initial password's one hash, who applied, and the chunk size. */
export type ApplyParams = { initialPasswordHash: string | null; actor: AuditActor; chunkSize: number };

/** 500 rows: two multi-row INSERTs of a size MariaDB takes easily, and a progress step of 5 % of 10,000 rows. */
export const IMPORT_CHUNK_ROWS = 500;
/** Per-row passwords hashed at once: argon2 runs on libuv's 4 threads, so more only queues. */
const HASH_PARALLEL = 4;

/** A stored import that can never be applied (its files are gone): retrying will not help. */
export class ImportGoneError extends Error {}

async function hashesFor(rows: PlannedRow[], initial: string | null): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  const own = rows.filter((r) => !r.exists && r.password !== null);
  for (let i = 0; i < own.length; i += HASH_PARALLEL) {
    const batch = own.slice(i, i + HASH_PARALLEL);
    const hashes = await Promise.all(batch.map((r) => hashPassword(unsealPassword(r.password!))));
    batch.forEach((r, j) => out.set(r.row, hashes[j]!));
  }
  for (const r of rows) if (!out.has(r.row) && initial) out.set(r.row, initial);
  return out;
}

export type RunImportOptions = { hook?: ChunkHook };

/**
 * The mailboxImport job: applies a validated import chunk by chunk, carrying on after the last
 * committed chunk when a retry runs (processedRows is committed with each chunk). Re-running a
 * finished import, or one never applied, does nothing.
 */
export async function runImport(importId: string, opts: RunImportOptions = {}): Promise<void> {
  const imp = await db.mailboxImport.findUnique({ where: { id: importId } });
  if (!imp || imp.status !== "applying") return;
  const [stored, params] = await Promise.all([readJson<StoredRows>(rowsFile(importId)), readJson<ApplyParams>(applyFile(importId))]);
  if (!stored || !params) throw new ImportGoneError(`import ${importId} has lost its working files`);
  const size = params.chunkSize;
  const chunks = Math.ceil(stored.rows.length / size);
  let departmentsCreated = 0;
  for (let n = 0; n < chunks; n++) {
    const end = Math.min(stored.rows.length, (n + 1) * size);
    if (end <= imp.processedRows) {
      // Committed by an earlier attempt; the last one may have stopped before queueing its letters.
      const outcomes = await confirmOutcomes(importId, n);
      if (end === imp.processedRows) await queueWelcomeLetters(outcomes.flatMap((o) => (o.mailboxId ? [o.mailboxId] : [])));
      continue;
    }
    const rows = stored.rows.slice(n * size, end);
    const hashes = await hashesFor(rows, params.initialPasswordHash);
    const result = await applyImportChunk({ importId, tenantId: imp.tenantId, chunk: n, end, rows, hashOf: (r) => hashes.get(r.row)! }, opts.hook);
    departmentsCreated += result?.departmentsCreated ?? 0;
    const outcomes = await confirmOutcomes(importId, n);
    await queueWelcomeLetters(outcomes.flatMap((o) => (o.mailboxId ? [o.mailboxId] : [])));
    log.debug("import chunk applied", { importId, chunk: n, end });
  }
  await finishImport(importId, chunks, { status: "done", actor: params.actor, departmentsCreated });
}
