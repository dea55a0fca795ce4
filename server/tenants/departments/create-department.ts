import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { assertWritable, tenantTransaction } from "../tenant-transaction";
import type { TCreateDepartmentRequest, TDepartmentView } from "./create-department.types";
import { assertSiblingNameFree, loadTenantDepartment } from "./load-department";

/** A tenant admin adds a department under one of its departments, or at the root. */
export async function createDepartment(actor: AuditActor, tenantId: string, input: TCreateDepartmentRequest): Promise<TDepartmentView> {
  return tenantTransaction(tenantId, async (tx, tenant) => {
    assertWritable(tenant);
    const parentId = input.parentId ?? null;
    if (parentId) await loadTenantDepartment(tx, tenantId, parentId, "parentId");
    await assertSiblingNameFree(tx, tenantId, parentId, input.name);
    const department = await tx.department.create({ data: { tenantId, parentId, name: input.name }, select: { id: true, name: true, parentId: true } });
    await recordAudit(actor, { action: "department.create", tenantId, target: { type: "department", id: department.id }, details: { name: department.name, parentId } }, tx);
    return department;
  });
}
