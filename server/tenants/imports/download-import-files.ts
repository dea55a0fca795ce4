import { stringify } from "csv-stringify/sync";
import type { SessionUser } from "@/server/auth/session-user";
import { db } from "@/server/shared/db";
import type { Locale } from "@/server/shared/locale";
import { TEMPLATE_HEADER } from "./import-columns";
import { readOutcomes, type RowOutcome } from "./import-outcomes";
import { csvResponse, jsonError, tenantScope } from "./tenant-request";

// The import's two downloads: the template and an import's result file. CSVs people open in
// Excel start with a UTF-8 BOM: without one, Chinese Excel reads UTF-8 as GBK and garbles names.

export const BOM = "\uFEFF";

/** GET /api/tenants/imports/template: the header row only (the columns are documented on the page). */
export function importTemplate(): Response {
  return csvResponse(BOM + stringify([TEMPLATE_HEADER]), "mailbox-import-template.csv", "邮箱导入模板.csv");
}

const LABELS: Record<Locale, { header: string[]; outcome: Record<RowOutcome["outcome"], string> }> = {
  "zh-CN": { header: ["行号", "邮箱地址", "结果", "说明"], outcome: { created: "已创建", skipped: "已跳过（已存在）", failed: "失败" } },
  en: { header: ["Row", "Address", "Outcome", "Reason"], outcome: { created: "created", skipped: "skipped (exists)", failed: "failed" } },
};

export function resultCsv(outcomes: readonly RowOutcome[], locale: Locale): string {
  const l = LABELS[locale];
  return BOM + stringify([l.header, ...outcomes.map((o) => [String(o.row), o.address, l.outcome[o.outcome], o.reason?.[locale] ?? ""])]);
}

/**
 * GET /api/tenants/imports/<id>/result: each row's outcome, in the caller's language. Another
 * tenant's import, an unknown one and one not finished look the same: 404.
 */
export async function downloadImportResult(user: SessionUser | null, importId: string, locale: Locale): Promise<Response> {
  const caller = tenantScope(user, locale);
  if (caller instanceof Response) return caller;
  const notFound = () => jsonError(404, locale === "en" ? "Import not found" : "导入任务不存在");
  const row = await db.mailboxImport.findFirst({ where: { id: importId, tenantId: caller.tenantId, status: { in: ["done", "failed"] } }, select: { id: true, fileName: true } });
  if (!row) return notFound();
  const outcomes = await readOutcomes(row.id);
  if (!outcomes) return notFound();
  const base = row.fileName.replace(/\.csv$/i, "");
  return csvResponse(resultCsv(outcomes, locale), `import-result-${row.id}.csv`, `${base}-${locale === "en" ? "result" : "结果"}.csv`);
}
