// Shared by the operators' SLA integration tests (maintenance, incidents, targets): a caller on
// the exported router, mounted as the app mounts it, so tests run the real procedure tier
// and input schemas; and counts of every row those writes touch. Not imported by application code.
import type { SessionUser } from "@/server/auth/session-user";
import { db } from "@/server/shared/db";
import { makeContext } from "@/server/trpc/context";
import { createCallerFactory, router } from "@/server/trpc/init";
import { slaAdminRouter } from "./ops-admin-router";

export { operatorActor, operatorUser, resellerUser } from "@/server/billing/billing-test-fixtures";
export { refusal } from "@/server/test/authz";

const testRouter = router({ sla: slaAdminRouter });
export const callerFor = (user: SessionUser | null) => createCallerFactory(testRouter)(makeContext(user));

export async function slaAdminWriteCounts() {
  const [windows, announcements, incidents, targets, audits] = await Promise.all([
    db.maintenanceWindow.count(),
    db.announcement.count(),
    db.incident.count(),
    db.slaTarget.count(),
    // The use cases' own entries: the operation log's fallback entries (a refusal, an idempotent
    // replay) are named after the procedure path (sla.scheduleMaintenance…) and change nothing.
    db.auditEvent.count({ where: { OR: ["sla.maintenance.", "sla.incident.", "sla.targets.", "sla.credit."].map((p) => ({ action: { startsWith: p } })) } }),
  ]);
  return { windows, announcements, incidents, targets, audits };
}
