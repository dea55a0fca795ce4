import { say, type Localized } from "@/server/shared/errors";

// The reseller tree is one level deep (agent → sub-agent): a sub-reseller's own tree is itself
// alone, which is what keeps siblings from ever seeing each other's clients.

export type TreeNode = { id: string; parentId: string | null };

/**
 * What is wrong with putting `reseller` (null for a new one) under `parent` (null: top level),
 * or null when allowed. `hasChildren`: the reseller already has sub-resellers.
 */
export function parentProblem(reseller: TreeNode | null, hasChildren: boolean, parent: TreeNode | null): Localized | null {
  if (!parent) return null;
  if (reseller && parent.id === reseller.id) return say("A reseller cannot be its own parent", "经销商不能作为自己的上级");
  if (parent.parentId !== null) {
    return say("The parent is itself a sub-reseller: resellers go one level deep only", "所选上级本身是下级经销商：经销商只能有一级下级");
  }
  if (hasChildren) {
    return say("This reseller has sub-resellers of its own, so it cannot become a sub-reseller", "该经销商已有下级经销商，不能再成为下级经销商");
  }
  return null;
}

/** A top-level reseller may have sub-resellers; a sub-reseller may not. */
export const mayHaveSubResellers = (reseller: TreeNode) => reseller.parentId === null;

/**
 * Its own status or its parent's: a parent's suspension covers its sub-resellers, since every
 * rule applies through the tree.
 */
export function effectiveStatus(reseller: { status: "active" | "suspended"; parent?: { status: "active" | "suspended" } | null }): "active" | "suspended" {
  return reseller.status === "suspended" || reseller.parent?.status === "suspended" ? "suspended" : "active";
}
