import { db } from "@/server/shared/db";
import { clock } from "@/server/shared/clock";

/**
 * Marks an export failed when its job has failed for good outside the handler's own error
 * path (a worker killed mid-job until BullMQ gave up on the stalled job, say), so the page
 * stops showing progress and offers a new export. A finished export is left alone.
 */
export async function failAuditExport(exportId: string, reason: string): Promise<void> {
  await db.auditExport.updateMany({
    where: { id: exportId, status: { in: ["queued", "running"] } },
    data: { status: "failed", error: reason.slice(0, 500), finishedAt: clock.now() },
  });
}
