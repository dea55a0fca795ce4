import { createHash, randomUUID } from "node:crypto";
import { rm } from "node:fs/promises";
import path from "node:path";
import type { AuditActor } from "@/server/audit/record-audit";
import { recordAudit } from "@/server/audit/record-audit";
import { DomainError, say } from "@/server/shared/errors";
import type { Locale } from "@/server/shared/locale";
import { assertWritable, tenantTransaction } from "../tenant-transaction";
import { rowsFile, sealPassword, writeJson } from "./import-files";
import { MAX_SHOWN_PROBLEMS, summaryFile, toImportDetail, writeSummary, type TImportDetail } from "./import-view";
import { parseImportFile } from "./parse-import-file";
import { loadImportContext, validateImportRows, type PlannedRow } from "./validate-import-rows";

export type StoredRows = { rows: PlannedRow[] };

/** A name safe to store and show: no folders, no control characters, at most 255 characters. */
function cleanFileName(raw: string | null | undefined): string {
  const name = path.basename((raw ?? "").replace(/\\/g, "/")).replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return (name || "import.csv").slice(0, 255);
}

/**
 * Uploads and validates an import file: a file that cannot be read at all (empty, binary, too
 * large, wrong header) is refused with BAD_INPUT on `file` and nothing is written; otherwise the
 * import is stored as `validated` with every row's problems, for the admin to see before applying.
 */
export async function uploadImport(actor: AuditActor, tenantId: string, file: { name?: string | null; bytes: Uint8Array }, locale: Locale): Promise<TImportDetail> {
  const parsed = parseImportFile(file.bytes);
  if (!parsed.ok) throw new DomainError("BAD_INPUT", parsed.problems[0]!, { file: parsed.problems });
  const ctx = await loadImportContext(tenantId);
  if (ctx.paidSeats === 0) {
    throw new DomainError("PRECONDITION_FAILED", say("No seats are paid for yet: buy a plan on the billing page before importing mailboxes", "尚未购买席位：请先在“费用中心”购买套餐，再导入邮箱"));
  }
  const v = await validateImportRows(tenantId, ctx, parsed.header, parsed.records);
  const id = randomUUID();
  const stored: StoredRows = { rows: v.rows.map((r) => ({ ...r, password: r.password === null ? null : sealPassword(r.password) })) };
  const needsInitialPassword = v.rows.some((r) => !r.exists && r.password === null);
  await writeJson(rowsFile(id), stored);
  const summary = { problems: v.problems.slice(0, MAX_SHOWN_PROBLEMS), problemCount: v.problems.length, fileProblems: v.fileProblems, willCreate: v.willCreate, willSkip: v.willSkip, needsInitialPassword };
  await writeSummary(id, summary);
  const fileName = cleanFileName(file.name);
  try {
    const row = await tenantTransaction(tenantId, async (tx, tenant) => {
      assertWritable(tenant);
      const created = await tx.mailboxImport.create({
        data: {
          id,
          tenantId,
          createdById: actor.id,
          fileName,
          fileSha256: createHash("sha256").update(file.bytes).digest("hex"),
          encoding: parsed.encoding,
          totalRows: parsed.records.length,
          errorRows: v.errorRows,
        },
      });
      const details = { fileName, rows: parsed.records.length, errorRows: v.errorRows, willCreate: v.willCreate, willSkip: v.willSkip, encoding: parsed.encoding };
      await recordAudit(actor, { action: "import.upload", tenantId, target: { type: "MailboxImport", id }, details }, tx);
      return created;
    });
    return toImportDetail(row, summary, locale);
  } catch (e) {
    await Promise.all([rm(rowsFile(id), { force: true }), rm(summaryFile(id), { force: true })]);
    throw e;
  }
}
