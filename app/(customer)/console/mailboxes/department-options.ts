import type { DepartmentNode } from "@/server/tenants/departments/department-rules";

export type TreeOption = { value: string; title: string; key: string; disabled?: boolean; children: TreeOption[] };

/** The tree for a TreeSelect; with `excludeBranch`, that department and everything below it are disabled (a move's targets). */
export function departmentOptions(tree: readonly DepartmentNode[], excludeBranch?: string, disabledAbove = false): TreeOption[] {
  return tree.map((n) => {
    const disabled = disabledAbove || n.id === excludeBranch;
    return { value: n.id, key: n.id, title: n.name, disabled, children: departmentOptions(n.children, excludeBranch, disabled) };
  });
}

/** Every department by id, to name the selected one. */
export function departmentsById(tree: readonly DepartmentNode[], into = new Map<string, DepartmentNode>()): Map<string, DepartmentNode> {
  for (const n of tree) {
    into.set(n.id, n);
    departmentsById(n.children, into);
  }
  return into;
}
