import type { ResellerRow } from "@/server/resellers/ops/reseller.types";

export type TreeRow = ResellerRow & { children?: TreeRow[] };

/** Flat rows → top-level rows with their sub-resellers nested (a sub whose parent is filtered out stays at the top). */
export function nestResellers(rows: readonly ResellerRow[]): TreeRow[] {
  const ids = new Set(rows.map((r) => r.id));
  const children = new Map<string, TreeRow[]>();
  for (const r of rows) if (r.parentId && ids.has(r.parentId)) children.set(r.parentId, [...(children.get(r.parentId) ?? []), { ...r }]);
  return rows.filter((r) => !r.parentId || !ids.has(r.parentId)).map((r) => (children.has(r.id) ? { ...r, children: children.get(r.id) } : { ...r }));
}
