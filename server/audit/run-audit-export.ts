import { createWriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { stringify } from "csv-stringify";
import { ZodError } from "zod";
import type { AuditExport } from "@/server/generated/prisma/client.ts";
import { db } from "@/server/shared/db";
import { clock } from "@/server/shared/clock";
import { logger } from "@/server/shared/logger";
import { exportFileName, exportsDir } from "./audit-export-files";
import { EXPORT_KINDS } from "./audit-export-kinds";
import { progressThrottle } from "./progress-throttle";

const log = logger("audit.export");

export const EXPORT_BATCH_SIZE = 1_000;
export const EXPORT_PROGRESS_INTERVAL_MS = 250;

export type RunAuditExportOptions = {
  batchSize?: number;
  progressIntervalMs?: number;
  /** Also told each progress step (the worker forwards it to job.updateProgress). */
  onProgress?: (percent: number) => Promise<void> | void;
  /** False while BullMQ has retries left: a failure then leaves the row queued, not failed. */
  finalAttempt?: boolean;
};

/** An error no retry can fix (the stored filters are corrupt). */
export function isPermanentExportError(e: unknown): boolean {
  return e instanceof ZodError;
}

export type RunAuditExportResult = { outcome: "done" | "already-done" | "missing"; rowCount: number };

/**
 * The audit-export job's handler. Idempotent: it re-reads the AuditExport row (the payload is
 * only its id), does nothing for a finished export, and otherwise writes the whole file again
 * through a temporary name, so a retry or a second worker never leaves a half-written CSV.
 */
export async function runAuditExport(exportId: string, opts: RunAuditExportOptions = {}): Promise<RunAuditExportResult> {
  const row = await db.auditExport.findUnique({ where: { id: exportId } });
  if (!row) {
    log.warn("export row not found; nothing to do", { exportId });
    return { outcome: "missing", rowCount: 0 };
  }
  if (row.status === "done") return { outcome: "already-done", rowCount: row.rowCount ?? 0 };

  await db.auditExport.update({ where: { id: exportId }, data: { status: "running", progress: 0 } });
  try {
    const rowCount = await writeExportFile(row, opts);
    await db.auditExport.update({
      where: { id: exportId },
      data: { status: "done", progress: 100, rowCount, fileName: exportFileName(exportId), error: null, finishedAt: clock.now() },
    });
    await opts.onProgress?.(100);
    log.info("export done", { exportId, rowCount });
    return { outcome: "done", rowCount };
  } catch (e) {
    const message = shortMessage(e);
    // Filters that no longer parse will not parse on a retry either.
    const final = (opts.finalAttempt ?? true) || isPermanentExportError(e);
    await db.auditExport
      .update({
        where: { id: exportId },
        data: final ? { status: "failed", error: message, finishedAt: clock.now() } : { status: "queued", error: message },
      })
      .catch((err) => log.error("could not record the export's failure", { exportId, error: String(err) }));
    throw e;
  }
}

/** What the page shows: zod's message is a JSON dump, so name the bad fields instead. */
function shortMessage(e: unknown): string {
  const text =
    e instanceof ZodError
      ? `stored filters are invalid: ${e.issues.map((i) => `${i.path.join(".") || "filters"}: ${i.message}`).join("; ")}`
      : e instanceof Error
        ? e.message
        : String(e);
  return text.slice(0, 500);
}

async function writeExportFile(exp: AuditExport, opts: RunAuditExportOptions): Promise<number> {
  const batchSize = opts.batchSize ?? EXPORT_BATCH_SIZE;
  const reader = EXPORT_KINDS[exp.kind].reader(exp.filters, exp.scopeTenantId);

  // A snapshot: rows appended while the export runs (its own audit entry among them) stay
  // out, so the total behind the progress bar and the rows written agree.
  const newest = await reader.newestId();
  const total = newest !== null ? await reader.countUpTo(newest) : 0;

  const report = progressThrottle(async (percent) => {
    await db.auditExport.update({ where: { id: exp.id }, data: { progress: percent } });
    await opts.onProgress?.(percent);
  }, opts.progressIntervalMs ?? EXPORT_PROGRESS_INTERVAL_MS);

  let written = 0;
  // Keyset pagination on the primary key, newest first like the page: each query reads one
  // batch after the last id seen, so memory stays flat and late batches are as fast as early ones.
  async function* records(): AsyncGenerator<string[]> {
    yield reader.header;
    let before = newest !== null ? newest + 1n : null;
    while (before !== null) {
      const batch = await reader.batch(before, batchSize);
      yield* batch.records;
      written += batch.ids.length;
      // 100 is written only with status done, so the bar never shows full on a running export.
      if (total > 0) await report(Math.min(99, (written * 100) / total));
      before = batch.ids.length === batchSize ? batch.ids[batch.ids.length - 1]! : null;
    }
  }

  const dir = exportsDir();
  await mkdir(dir, { recursive: true });
  const finalPath = path.join(dir, exportFileName(exp.id));
  const tempPath = path.join(dir, `.${exp.id}.${randomUUID()}.tmp`);
  try {
    await pipeline(
      Readable.from(records()),
      // BOM: Excel reads a BOM-less CSV as the local ANSI code page and garbles Chinese.
      // escape_formulas: a detail beginning with = or + must not run as a formula in Excel.
      stringify({ bom: true, escape_formulas: true }),
      createWriteStream(tempPath, { flush: true }),
    );
    await rename(tempPath, finalPath);
  } catch (e) {
    await rm(tempPath, { force: true });
    throw e;
  }
  return written;
}
