import { DomainError, notFound, say } from "@/server/shared/errors";
import { fieldRefusal } from "../addresses/claim-address";
import type { Tx } from "../tenant-transaction";
import type { TDepartmentView } from "./create-department.types";
import { sameDepartmentName } from "./department-rules";

/**
 * One of the caller's departments; another tenant's is NOT_FOUND (never says whose). With
 * `field`, the refusal also sits on that input field (e.g. a mailbox form's department select).
 */
export async function loadTenantDepartment(tx: Tx, tenantId: string, departmentId: string, field?: string): Promise<TDepartmentView> {
  const department = await tx.department.findFirst({ where: { id: departmentId, tenantId }, select: { id: true, name: true, parentId: true } });
  if (department) return department;
  if (!field) throw notFound("Department");
  const text = say("Department not found", "部门不存在");
  throw new DomainError("NOT_FOUND", text, { [field]: [text] });
}

/**
 * Refuses (CONFLICT on `name`) when a sibling under `parentId` already has this name, case
 * aside. Runs under the tenant's lock, so two parallel creations of "Sales" cannot both pass.
 */
export async function assertSiblingNameFree(tx: Tx, tenantId: string, parentId: string | null, name: string, exceptId?: string): Promise<void> {
  const siblings = await tx.department.findMany({ where: { tenantId, parentId, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { name: true } });
  if (siblings.some((s) => sameDepartmentName(s.name, name))) {
    throw fieldRefusal("CONFLICT", say(`There is already a department named "${name}" here`, `同一级下已有名为“${name}”的部门`), "name");
  }
}
