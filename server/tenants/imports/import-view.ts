import type { MailboxImport } from "@/server/generated/prisma/client.ts";
import type { Localized } from "@/server/shared/errors";
import type { Locale } from "@/server/shared/locale";
import type { RowProblem } from "./check-import-row";
import type { ImportColumn } from "./import-columns";
import { importFile, readJson, writeJson } from "./import-files";

// What the import page shows of one import. The per-row problems and the plan (how many rows
// create, how many exist already) are kept in <id>.summary.json beside the row, which holds the
// counters the job updates.

/** At most this many problems are kept and shown: a file with more needs fixing at its source. */
export const MAX_SHOWN_PROBLEMS = 1_000;

export type ImportSummary = {
  problems: RowProblem[];
  problemCount: number;
  fileProblems: Localized[];
  willCreate: number;
  willSkip: number;
  /** Rows without a password of their own would create mailboxes: apply asks for the initial password. */
  needsInitialPassword: boolean;
};

export const summaryFile = (id: string) => importFile(id, "summary.json");
export const writeSummary = (id: string, s: ImportSummary) => writeJson(summaryFile(id), s);
export const readSummary = (id: string) => readJson<ImportSummary>(summaryFile(id));

export type TImportView = Pick<
  MailboxImport,
  "id" | "fileName" | "encoding" | "status" | "totalRows" | "errorRows" | "processedRows" | "createdRows" | "skippedRows" | "failedRows" | "error" | "createdAt" | "startedAt" | "finishedAt"
> & { hasResult: boolean };

export type TImportProblem = { row: number; column: ImportColumn | null; message: string };

export type TImportDetail = TImportView & {
  problems: TImportProblem[];
  problemCount: number;
  fileProblems: string[];
  willCreate: number;
  willSkip: number;
  needsInitialPassword: boolean;
  /** Whether apply may start: validated, no problem in any row or in the file. */
  canApply: boolean;
};

export function toImportView(row: MailboxImport): TImportView {
  const { id, fileName, encoding, status, totalRows, errorRows, processedRows, createdRows, skippedRows, failedRows, error, createdAt, startedAt, finishedAt } = row;
  return { id, fileName, encoding, status, totalRows, errorRows, processedRows, createdRows, skippedRows, failedRows, error, createdAt, startedAt, finishedAt, hasResult: status === "done" || status === "failed" };
}

export function toImportDetail(row: MailboxImport, summary: ImportSummary | null, locale: Locale): TImportDetail {
  const s = summary ?? { problems: [], problemCount: 0, fileProblems: [], willCreate: 0, willSkip: 0, needsInitialPassword: false };
  return {
    ...toImportView(row),
    problems: s.problems.map((p) => ({ row: p.row, column: p.column, message: p.message[locale] })),
    problemCount: s.problemCount,
    fileProblems: s.fileProblems.map((m) => m[locale]),
    willCreate: s.willCreate,
    willSkip: s.willSkip,
    needsInitialPassword: s.needsInitialPassword,
    canApply: row.status === "validated" && summary !== null && row.errorRows === 0 && s.fileProblems.length === 0,
  };
}
