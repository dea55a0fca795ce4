import { db } from "@/server/shared/db";
import { buildDepartmentTree, type DepartmentNode } from "./department-rules";

export type TListDepartmentsResponse = { tree: DepartmentNode[]; total: number; unassigned: number };

/** The tenant's department tree with mailbox counts, and how many mailboxes have no department. */
export async function listDepartments(tenantId: string): Promise<TListDepartmentsResponse> {
  const [rows, counts] = await Promise.all([
    db.department.findMany({ where: { tenantId }, select: { id: true, name: true, parentId: true } }),
    db.mailbox.groupBy({ by: ["departmentId"], where: { tenantId }, _count: { _all: true } }),
  ]);
  const byDepartment = new Map<string, number>();
  let unassigned = 0;
  for (const c of counts) {
    if (c.departmentId === null) unassigned = c._count._all;
    else byDepartment.set(c.departmentId, c._count._all);
  }
  return { tree: buildDepartmentTree(rows, byDepartment), total: rows.length, unassigned };
}
