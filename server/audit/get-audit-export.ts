import { db } from "@/server/shared/db";
import { notFound } from "@/server/shared/errors";
import { toAuditExportStatus, type TAuditExportStatus } from "./audit-export-status";

/** An export's progress, for the person who asked for it only; anyone else gets NOT_FOUND. */
export async function getAuditExport(requesterId: string, exportId: string): Promise<TAuditExportStatus> {
  const row = await db.auditExport.findFirst({ where: { id: exportId, requestedById: requesterId } });
  if (!row) throw notFound("Export");
  return toAuditExportStatus(row);
}
