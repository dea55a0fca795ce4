import { describe, expect, it } from "vitest";
import type { DomainView } from "@/server/domains/domain-view";
import { aliasesOf, domainTree, expandedKeys } from "./domain-tree";

const domain = (id: string, aliasOf: string | null = null): DomainView =>
  ({ id, name: `${id}.com`, unicodeName: `${id}.com`, aliasOf: aliasOf ? { id: aliasOf, name: `${aliasOf}.com`, unicodeName: `${aliasOf}.com` } : null }) as DomainView;

describe("domainTree", () => {
  it("puts each alias under its primary, in list order, and leaves primaries without aliases childless", () => {
    const rows = [domain("a"), domain("b"), domain("a2", "a"), domain("b1", "b"), domain("a1", "a"), domain("c")];
    const tree = domainTree(rows);
    expect(tree.map((d) => d.id)).toEqual(["a", "b", "c"]);
    expect(tree[0]!.children!.map((d) => d.id)).toEqual(["a2", "a1"]);
    expect(tree[1]!.children!.map((d) => d.id)).toEqual(["b1"]);
    expect(tree[2]).not.toHaveProperty("children");
  });

  it("keeps an alias whose primary is not in the rows at the top level", () => {
    expect(domainTree([domain("x1", "x"), domain("y")]).map((d) => d.id)).toEqual(["x1", "y"]);
  });

  it("is empty for no domains", () => {
    expect(domainTree([])).toEqual([]);
  });
});

describe("aliasesOf", () => {
  it("lists only the aliases of that primary", () => {
    const rows = [domain("a"), domain("a1", "a"), domain("b1", "b")];
    expect(aliasesOf(rows, "a").map((d) => d.id)).toEqual(["a1"]);
    expect(aliasesOf(rows, "c")).toEqual([]);
  });
});

describe("expandedKeys", () => {
  it("expands every primary with aliases except the folded ones", () => {
    const tree = domainTree([domain("a"), domain("a1", "a"), domain("b"), domain("b1", "b"), domain("c")]);
    expect(expandedKeys(tree, new Set())).toEqual(["a", "b"]);
    expect(expandedKeys(tree, new Set(["a"]))).toEqual(["b"]);
  });
});
