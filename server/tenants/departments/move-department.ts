import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { DomainError } from "@/server/shared/errors";
import { assertWritable, tenantTransaction } from "../tenant-transaction";
import type { TDepartmentView } from "./create-department.types";
import { moveProblem, moveProblemMessage } from "./department-rules";
import { assertSiblingNameFree, loadTenantDepartment } from "./load-department";
import type { TMoveDepartmentRequest } from "./move-department.types";

/**
 * Moves a department, with everything below it, under another of the tenant's departments or to
 * the root. Refused under itself or its own descendant (the tree would become a loop), and when
 * the new parent already has a child of the same name.
 */
export async function moveDepartment(actor: AuditActor, tenantId: string, input: TMoveDepartmentRequest): Promise<TDepartmentView> {
  return tenantTransaction(tenantId, async (tx, tenant) => {
    assertWritable(tenant);
    const department = await loadTenantDepartment(tx, tenantId, input.departmentId);
    if (department.parentId === input.parentId) return department;
    if (input.parentId) await loadTenantDepartment(tx, tenantId, input.parentId, "parentId");
    const all = await tx.department.findMany({ where: { tenantId }, select: { id: true, parentId: true } });
    const problem = moveProblem(department.id, input.parentId, new Map(all.map((d) => [d.id, d.parentId])));
    if (problem) {
      const text = moveProblemMessage(problem);
      throw new DomainError("BAD_INPUT", text, { parentId: [text] });
    }
    await assertSiblingNameFree(tx, tenantId, input.parentId, department.name, department.id);
    const moved = await tx.department.update({ where: { id: department.id }, data: { parentId: input.parentId }, select: { id: true, name: true, parentId: true } });
    await recordAudit(
      actor,
      { action: "department.move", tenantId, target: { type: "department", id: department.id }, details: { from: department.parentId, to: input.parentId } },
      tx,
    );
    return moved;
  });
}
