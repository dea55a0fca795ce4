import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { hashPassword } from "@/server/auth/password";
import { loadSecurityPolicy } from "@/server/auth/policy/security-policy";
import { clock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { DomainError, notFound, say } from "@/server/shared/errors";
import type { Locale } from "@/server/shared/locale";
import { enqueue } from "@/server/shared/queues";
import { fieldRefusal } from "../addresses/claim-address";
import { assertWritable, tenantTransaction } from "../tenant-transaction";
import type { TApplyImportRequest } from "./apply-import.types";
import { applyFile, writeJson } from "./import-files";
import { passwordRefusal } from "../passwords/password-rule";
import { readSummary, toImportDetail, type TImportDetail } from "./import-view";
import { IMPORT_CHUNK_ROWS, type ApplyParams } from "./run-import";

export const importJobId = (importId: string) => `import-${importId}`;

/**
 * Starts applying a validated import: only one without a problem in any row, and with the
 * initial password when some rows have none. Hashed here ONCE for all those rows (argon2id costs
 * ~30 ms: 10,000 hashes would take minutes). Asking again while it runs or after it ended
 * changes nothing and re-queues the job under the same id (a lost job is found again).
 */
export async function applyImport(actor: AuditActor, tenantId: string, input: TApplyImportRequest, locale: Locale): Promise<TImportDetail> {
  const found = await db.mailboxImport.findFirst({ where: { id: input.importId, tenantId } });
  if (!found) throw notFound("Import");
  const summary = await readSummary(found.id);
  let initialPasswordHash: string | null = null;
  if (found.status === "validated") {
    if (!summary || found.errorRows > 0 || summary.fileProblems.length > 0) {
      const n = found.errorRows;
      throw new DomainError(
        "PRECONDITION_FAILED",
        n > 0 ? say(`${n} rows have errors: fix them in the file and upload it again`, `有 ${n} 行存在错误：请在文件中修改后重新上传`) : (summary?.fileProblems[0] ?? say("This import cannot be applied: upload the file again", "该导入无法执行：请重新上传文件")),
      );
    }
    if (summary.needsInitialPassword) {
      const pw = input.initialPassword ?? "";
      if (pw === "") throw fieldRefusal("BAD_INPUT", say("Enter the initial password for the rows without a password", "请为没有填写密码的行设置初始密码"), "initialPassword");
      const problem = passwordRefusal(pw, undefined, await loadSecurityPolicy(tenantId));
      if (problem) throw fieldRefusal("BAD_INPUT", problem, "initialPassword");
      initialPasswordHash = await hashPassword(pw);
    }
  }
  const row = await tenantTransaction(tenantId, async (tx, tenant) => {
    const current = await tx.mailboxImport.findFirst({ where: { id: found.id, tenantId } });
    if (!current) throw notFound("Import");
    if (current.status !== "validated") return current;
    assertWritable(tenant);
    const params: ApplyParams = { initialPasswordHash, actor, chunkSize: IMPORT_CHUNK_ROWS };
    await writeJson(applyFile(found.id), params);
    const started = await tx.mailboxImport.update({ where: { id: found.id }, data: { status: "applying", startedAt: clock.now() } });
    await recordAudit(actor, { action: "import.apply", tenantId, target: { type: "MailboxImport", id: found.id }, details: { fileName: found.fileName, rows: found.totalRows } }, tx);
    return started;
  });
  if (row.status === "applying") await enqueue("mailboxImport", { importId: row.id }, importJobId(row.id));
  return toImportDetail(row, summary, locale);
}
