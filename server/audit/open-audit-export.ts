import { stat } from "node:fs/promises";
import { db } from "@/server/shared/db";
import { env } from "@/server/shared/env";
import { notFound } from "@/server/shared/errors";
import { exportFilePath } from "./audit-export-files";
import { EXPORT_KINDS } from "./audit-export-kinds";

export type OpenedAuditExport = { filePath: string; downloadName: string; size: number };

/** YYYY-MM-DD in the platform's zone, for a file name a person recognises. */
function localDate(at: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: env().TZ_DEFAULT, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

/**
 * The finished file of an export, for the person who asked for it only. Someone else's
 * export, one not finished yet and one whose file is gone all look the same: NOT_FOUND. Both
 * logs (operations, logins) are served here, each under its own file name.
 */
export async function openAuditExport(requesterId: string, exportId: string): Promise<OpenedAuditExport> {
  const row = await db.auditExport.findFirst({ where: { id: exportId, requestedById: requesterId, status: "done" } });
  if (!row?.fileName) throw notFound("Export");
  const filePath = exportFilePath(row.fileName);
  const info = await stat(filePath).catch(() => null);
  if (!info?.isFile()) throw notFound("Export");
  return { filePath, downloadName: `${EXPORT_KINDS[row.kind].fileStem}-${localDate(row.createdAt)}.csv`, size: info.size };
}
