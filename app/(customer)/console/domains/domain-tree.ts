import type { DomainView } from "@/server/domains/domain-view";

// The customer's list shows each alias domain under its primary (a tree table), because an alias
// is only meaningful next to the domain whose mailboxes it reaches.

export type DomainTreeRow = DomainView & { children?: DomainTreeRow[] };

/** The tenant's aliases of one primary domain, in list order. */
export function aliasesOf<D extends Pick<DomainView, "aliasOf">>(rows: readonly D[], primaryId: string): D[] {
  return rows.filter((d) => d.aliasOf?.id === primaryId);
}

/**
 * Primaries in list order, each with its aliases as `children` (antd's tree rows; a primary
 * without aliases has no `children`, so no expand icon). An alias whose primary is not in
 * `rows` stays at the top level rather than disappear.
 */
export function domainTree(rows: readonly DomainView[]): DomainTreeRow[] {
  const ids = new Set(rows.map((d) => d.id));
  return rows
    .filter((d) => !d.aliasOf || !ids.has(d.aliasOf.id))
    .map((d) => {
      const children = d.aliasOf ? [] : aliasesOf(rows, d.id);
      return children.length ? { ...d, children } : d;
    });
}

/** The rows that have children: all expanded unless the customer folded them. */
export function expandedKeys(tree: readonly DomainTreeRow[], folded: ReadonlySet<string>): string[] {
  return tree.filter((d) => d.children && !folded.has(d.id)).map((d) => d.id);
}
