import { Prisma } from "@/server/generated/prisma/client.ts";
import { db } from "@/server/shared/db";
import { clock } from "@/server/shared/clock";
import { DomainError, notFound } from "@/server/shared/errors";
import { enqueue } from "@/server/shared/queues";
import { logger } from "@/server/shared/logger";
import { recordAudit, type AuditActor } from "./record-audit";
import { EXPORT_KINDS } from "./audit-export-kinds";
import { toAuditExportStatus, type TAuditExportStatus } from "./audit-export-status";
import type { AuditExportKind } from "@/server/generated/prisma/enums.ts";
import type { Locale } from "@/server/shared/locale";

const log = logger("audit.export");

function isUniqueViolation(e: unknown): boolean {
  return e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";
}

/**
 * Creates the AuditExport row (and its audit entry) once per requestId, then makes sure a job
 * exists for it. Calling again with the same requestId returns the same export; a row still
 * queued is enqueued again (same jobId, so BullMQ ignores a duplicate), which also recovers
 * an export whose job Redis lost. `kind` picks the log (operations, or the login log's rows);
 * `request` holds that log's filters.
 */
export async function requestAuditExport(
  actor: AuditActor & { id: string },
  scopeTenantId: string | null,
  request: { requestId: string; locale: Locale },
  kind: AuditExportKind = "operations",
): Promise<TAuditExportStatus> {
  const filters = EXPORT_KINDS[kind].storedFilters(request, scopeTenantId);
  const id = request.requestId;

  let row = await db.auditExport.findUnique({ where: { id } });
  if (!row) {
    const stored = { ...filters, locale: request.locale };
    try {
      row = await db.$transaction(async (tx) => {
        const created = await tx.auditExport.create({
          data: { id, kind, requestedById: actor.id, scopeTenantId, filters: stored, status: "queued", createdAt: clock.now() },
        });
        await recordAudit(
          actor,
          { action: kind === "logins" ? "loginLog.export" : "audit.export", tenantId: scopeTenantId, target: { type: "audit_export", id }, details: { filters } },
          tx,
        );
        return created;
      });
    } catch (e) {
      // Two retries of one click raced; the other one created it.
      if (!isUniqueViolation(e)) throw e;
      row = await db.auditExport.findUnique({ where: { id } });
    }
  }
  // Someone else's id (or this id used for the other log): do not reveal that it exists.
  if (!row || row.requestedById !== actor.id || row.kind !== kind) throw notFound("Export");

  if (row.status === "queued") {
    try {
      await enqueue("auditExport", { exportId: row.id }, row.id);
    } catch (e) {
      log.error("could not enqueue export", { exportId: row.id, error: String(e) });
      throw new DomainError("UNAVAILABLE", "The job queue is not answering; try the export again in a moment");
    }
  }
  return toAuditExportStatus(row);
}
