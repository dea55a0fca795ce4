import { sameDepartmentName } from "../departments/department-rules";
import type { Tx } from "../tenant-transaction";

/**
 * The department id at the end of each path ("销售部/华东区" → the 华东区 under 销售部), creating
 * the departments that do not exist yet. Run inside the chunk's tenantTransaction: the tenant's
 * lock keeps two imports from creating the same sibling twice. Names match as the console's
 * department rules do (case and surrounding spaces ignored). Returns the ids by joined path and
 * how many departments were created.
 */
export async function resolveDepartmentPaths(tx: Tx, tenantId: string, paths: readonly string[][]): Promise<{ ids: Map<string, string>; created: number }> {
  const ids = new Map<string, string>();
  let created = 0;
  const wanted = paths.filter((p) => p.length > 0);
  if (wanted.length === 0) return { ids, created };
  const all = await tx.department.findMany({ where: { tenantId }, select: { id: true, name: true, parentId: true } });
  for (const path of wanted) {
    const key = path.join("/");
    if (ids.has(key)) continue;
    let parentId: string | null = null;
    for (const name of path) {
      let found = all.find((d) => d.parentId === parentId && sameDepartmentName(d.name, name));
      if (!found) {
        found = await tx.department.create({ data: { tenantId, parentId, name }, select: { id: true, name: true, parentId: true } });
        all.push(found);
        created++;
      }
      parentId = found.id;
    }
    ids.set(key, parentId!);
  }
  return { ids, created };
}
