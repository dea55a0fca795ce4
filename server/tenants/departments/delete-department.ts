import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { DomainError, say } from "@/server/shared/errors";
import { assertWritable, tenantTransaction } from "../tenant-transaction";
import type { TDepartmentIdRequest } from "./delete-department.types";
import { loadTenantDepartment } from "./load-department";

/**
 * Deletes an empty department. One with sub-departments or mailboxes is refused with the counts,
 * so the admin knows what to move first: deleting them along would lose mailboxes silently.
 * Deleting one already gone is NOT_FOUND, which a retrying client can take as done.
 */
export async function deleteDepartment(actor: AuditActor, tenantId: string, input: TDepartmentIdRequest): Promise<{ deleted: string }> {
  return tenantTransaction(tenantId, async (tx, tenant) => {
    assertWritable(tenant);
    const department = await loadTenantDepartment(tx, tenantId, input.departmentId);
    const [children, mailboxes] = await Promise.all([
      tx.department.count({ where: { parentId: department.id } }),
      tx.mailbox.count({ where: { departmentId: department.id } }),
    ]);
    if (children > 0 || mailboxes > 0) {
      throw new DomainError(
        "PRECONDITION_FAILED",
        say(
          `"${department.name}" still has ${children} sub-department(s) and ${mailboxes} mailbox(es): move or delete them first`,
          `“${department.name}”下还有 ${children} 个子部门和 ${mailboxes} 个邮箱：请先移走或删除`,
        ),
      );
    }
    await tx.department.delete({ where: { id: department.id } });
    await recordAudit(actor, { action: "department.delete", tenantId, target: { type: "department", id: department.id }, details: { name: department.name } }, tx);
    return { deleted: department.id };
  });
}
