import { describe, expect, it } from "vitest";
import type { ResellerRow } from "@/server/resellers/ops/reseller.types";
import { nestResellers } from "./reseller-tree";

const row = (id: string, parentId: string | null = null) => ({ id, parentId }) as ResellerRow;

describe("nestResellers", () => {
  it("nests sub-resellers under their parent and keeps orphans of a filter at the top", () => {
    const tree = nestResellers([row("a"), row("a1", "a"), row("b"), row("c1", "c"), row("a2", "a")]);
    expect(tree.map((r) => [r.id, r.children?.map((c) => c.id)])).toEqual([
      ["a", ["a1", "a2"]],
      ["b", undefined],
      ["c1", undefined],
    ]);
  });
});
