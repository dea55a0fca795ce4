import { db } from "@/server/shared/db";
import { tenantNamesOf } from "./audit-rows";

export type TAuditFilterOptions = {
  actions: string[];
  /** Tenants that appear in the log; empty for a tenant admin, whose scope is fixed. */
  tenants: { id: string; name: string | null }[];
};

/** What the filter dropdowns offer: the actions (and, for operators, tenants) the log holds. */
export async function listAuditFilterOptions(scopeTenantId: string | null): Promise<TAuditFilterOptions> {
  const where = scopeTenantId ? { tenantId: scopeTenantId } : {};
  const [actions, tenantIds] = await Promise.all([
    db.auditEvent.groupBy({ by: ["action"], where, orderBy: { action: "asc" } }),
    scopeTenantId
      ? Promise.resolve([])
      : db.auditEvent.groupBy({ by: ["tenantId"], where: { tenantId: { not: null } }, orderBy: { tenantId: "asc" } }),
  ]);
  const names = await tenantNamesOf(tenantIds);
  const tenants = tenantIds
    .flatMap((t) => (t.tenantId ? [{ id: t.tenantId, name: names.get(t.tenantId) ?? null }] : []))
    .sort((a, b) => (a.name ?? a.id).localeCompare(b.name ?? b.id));
  return { actions: actions.map((a) => a.action), tenants };
}
