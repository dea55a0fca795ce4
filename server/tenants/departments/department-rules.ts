import { say, type Localized } from "@/server/shared/errors";

// Pure rules of the department tree: where a department may move, and the tree the console draws.

export type MoveProblem = "self" | "descendant";

/**
 * Why `departmentId` may not move under `newParentId` (null = the root), or null when it may.
 * Walks up from the new parent: meeting the department itself means the new parent is its own
 * descendant, which would cut the branch off the tree into a loop. `parentOf` maps every
 * department of the tenant to its parent; a visited set guards against a loop already stored.
 */
export function moveProblem(departmentId: string, newParentId: string | null, parentOf: ReadonlyMap<string, string | null>): MoveProblem | null {
  if (newParentId === null) return null;
  if (newParentId === departmentId) return "self";
  const seen = new Set<string>();
  for (let at: string | null = parentOf.get(newParentId) ?? null; at !== null && !seen.has(at); at = parentOf.get(at) ?? null) {
    if (at === departmentId) return "descendant";
    seen.add(at);
  }
  return null;
}

export function moveProblemMessage(problem: MoveProblem): Localized {
  return problem === "self"
    ? say("A department cannot be moved under itself", "不能把部门移动到它自己下面")
    : say("A department cannot be moved under one of its own sub-departments", "不能把部门移动到它自己的下级部门下面");
}

/** Sibling names compare without case and surrounding spaces ("Sales" and " sales" clash). */
export const sameDepartmentName = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

export type DepartmentRow = { id: string; name: string; parentId: string | null };
export type DepartmentNode = DepartmentRow & {
  /** Mailboxes in this department itself. */
  mailboxCount: number;
  /** Mailboxes in this department and every department below it. */
  totalMailboxCount: number;
  children: DepartmentNode[];
};

/**
 * The tenant's departments as a forest, siblings by name, with mailbox counts. A row whose parent
 * is missing (never expected: the FK forbids it) is shown at the root rather than lost.
 */
export function buildDepartmentTree(rows: readonly DepartmentRow[], mailboxCounts: ReadonlyMap<string, number>): DepartmentNode[] {
  const nodes = new Map<string, DepartmentNode>(rows.map((r) => [r.id, { ...r, mailboxCount: mailboxCounts.get(r.id) ?? 0, totalMailboxCount: 0, children: [] }]));
  const roots: DepartmentNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId === null ? undefined : nodes.get(node.parentId);
    (parent ? parent.children : roots).push(node);
  }
  // Only nodes reachable from a root are visited, so a stored loop cannot recurse forever.
  const finish = (list: DepartmentNode[]): number => {
    list.sort((a, b) => a.name.localeCompare(b.name, "zh-CN"));
    let sum = 0;
    for (const n of list) {
      n.totalMailboxCount = n.mailboxCount + finish(n.children);
      sum += n.totalMailboxCount;
    }
    return sum;
  };
  finish(roots);
  return roots;
}

/** The department and every department below it (for "show this department's mailboxes"). */
export function subtreeIds(rootId: string, rows: readonly DepartmentRow[]): string[] {
  const childrenOf = new Map<string, string[]>();
  for (const r of rows) if (r.parentId) childrenOf.set(r.parentId, [...(childrenOf.get(r.parentId) ?? []), r.id]);
  const out: string[] = [];
  const queue = [rootId];
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (out.includes(id)) continue;
    out.push(id);
    queue.push(...(childrenOf.get(id) ?? []));
  }
  return out;
}
