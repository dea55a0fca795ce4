import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { assertWritable, tenantTransaction } from "../tenant-transaction";
import type { TDepartmentView } from "./create-department.types";
import { assertSiblingNameFree, loadTenantDepartment } from "./load-department";
import type { TRenameDepartmentRequest } from "./rename-department.types";

/** Renames a department; the new name must be free among its siblings. Renaming to the same name is a no-op (a retry). */
export async function renameDepartment(actor: AuditActor, tenantId: string, input: TRenameDepartmentRequest): Promise<TDepartmentView> {
  return tenantTransaction(tenantId, async (tx, tenant) => {
    assertWritable(tenant);
    const department = await loadTenantDepartment(tx, tenantId, input.departmentId);
    if (department.name === input.name) return department;
    await assertSiblingNameFree(tx, tenantId, department.parentId, input.name, department.id);
    const renamed = await tx.department.update({ where: { id: department.id }, data: { name: input.name }, select: { id: true, name: true, parentId: true } });
    await recordAudit(actor, { action: "department.rename", tenantId, target: { type: "department", id: department.id }, details: { from: department.name, to: input.name } }, tx);
    return renamed;
  });
}
