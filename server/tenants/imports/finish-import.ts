import { rm } from "node:fs/promises";
import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { clock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { tenantTransaction } from "../tenant-transaction";
import { applyFile, chunkFile, readJson, removeWorkingFiles } from "./import-files";
import { mergeOutcomes } from "./import-outcomes";
import type { ApplyParams } from "./run-import";

type Finish = { status: "done" | "failed"; actor: AuditActor; departmentsCreated?: number; error?: string };

/**
 * Ends an import: its outcomes become the result file, the row says done (or failed, with why),
 * and ONE operation-log event records the counts — never one per row. Only an import still
 * `applying` is finished, so a repeated call changes nothing.
 */
export async function finishImport(importId: string, chunks: number, finish: Finish): Promise<void> {
  await mergeOutcomes(importId, chunks);
  const imp = await db.mailboxImport.findUnique({ where: { id: importId }, select: { tenantId: true } });
  if (!imp) return;
  await tenantTransaction(imp.tenantId, async (tx) => {
    const changed = await tx.mailboxImport.updateMany({
      where: { id: importId, status: "applying" },
      data: { status: finish.status, finishedAt: clock.now(), error: finish.error?.slice(0, 500) ?? null },
    });
    if (changed.count === 0) return;
    const row = await tx.mailboxImport.findUniqueOrThrow({ where: { id: importId } });
    await recordAudit(
      finish.actor,
      {
        action: "import.finish",
        tenantId: imp.tenantId,
        target: { type: "MailboxImport", id: importId },
        result: finish.status === "done" ? "success" : "failure",
        details: {
          fileName: row.fileName,
          rows: row.totalRows,
          created: row.createdRows,
          skipped: row.skippedRows,
          failed: row.failedRows,
          departmentsCreated: finish.departmentsCreated ?? 0,
          ...(finish.error ? { error: finish.error.slice(0, 200) } : {}),
        },
      },
      tx,
    );
  });
  await removeWorkingFiles(importId, chunks);
  await Promise.all(Array.from({ length: chunks }, (_, n) => rm(`${chunkFile(importId, n)}.pending`, { force: true })));
}

const SYSTEM: AuditActor = { id: null, email: null, role: null, tenantId: null, ip: null };

/** The job gave up (last attempt, or an import that can never run): mark it failed with what was applied so far. */
export async function failImport(importId: string, error: string): Promise<void> {
  const params = await readJson<ApplyParams>(applyFile(importId)).catch(() => null);
  const imp = await db.mailboxImport.findUnique({ where: { id: importId }, select: { totalRows: true } });
  if (!imp) return;
  const chunks = params ? Math.ceil(imp.totalRows / params.chunkSize) : 0;
  await finishImport(importId, chunks, { status: "failed", actor: params?.actor ?? SYSTEM, error });
}
