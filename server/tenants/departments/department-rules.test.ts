import { describe, expect, it } from "vitest";
import { buildDepartmentTree, moveProblem, sameDepartmentName, subtreeIds } from "./department-rules";

// 总部 ─┬─ 销售部 ── 华东区 ── 上海组
//       └─ 技术部
// 财务部
const rows = [
  { id: "hq", name: "总部", parentId: null },
  { id: "sales", name: "销售部", parentId: "hq" },
  { id: "east", name: "华东区", parentId: "sales" },
  { id: "sh", name: "上海组", parentId: "east" },
  { id: "tech", name: "技术部", parentId: "hq" },
  { id: "fin", name: "财务部", parentId: null },
];
const parentOf = new Map(rows.map((r) => [r.id, r.parentId]));

describe("moveProblem", () => {
  it("allows a move to the root", () => expect(moveProblem("sales", null, parentOf)).toBeNull());
  it("allows a move under a sibling or an unrelated branch", () => {
    expect(moveProblem("tech", "sales", parentOf)).toBeNull();
    expect(moveProblem("sales", "fin", parentOf)).toBeNull();
    expect(moveProblem("sh", "hq", parentOf)).toBeNull();
  });
  it("allows a move under its current parent (a no-op)", () => expect(moveProblem("east", "sales", parentOf)).toBeNull());
  it("refuses a move under itself", () => expect(moveProblem("sales", "sales", parentOf)).toBe("self"));
  it("refuses a move under a child or a deeper descendant", () => {
    expect(moveProblem("sales", "east", parentOf)).toBe("descendant");
    expect(moveProblem("sales", "sh", parentOf)).toBe("descendant");
    expect(moveProblem("hq", "sh", parentOf)).toBe("descendant");
  });
  it("ends on a loop already stored instead of spinning", () => {
    const loop = new Map<string, string | null>([
      ["a", "b"],
      ["b", "a"],
    ]);
    expect(moveProblem("x", "a", loop)).toBeNull();
  });
});

describe("sameDepartmentName", () => {
  it("ignores case and surrounding spaces", () => {
    expect(sameDepartmentName("Sales", " sales ")).toBe(true);
    expect(sameDepartmentName("销售部", "销售部")).toBe(true);
    expect(sameDepartmentName("Sales", "Sales 2")).toBe(false);
  });
});

describe("buildDepartmentTree", () => {
  const counts = new Map([
    ["sh", 3],
    ["east", 1],
    ["tech", 4],
  ]);
  const tree = buildDepartmentTree(rows, counts);
  it("nests children under parents, roots at the top", () => {
    expect(tree.map((n) => n.id).sort()).toEqual(["fin", "hq"]);
    const hq = tree.find((n) => n.id === "hq")!;
    expect(hq.children.map((c) => c.id).sort()).toEqual(["sales", "tech"]);
  });
  it("counts each department's own mailboxes and its whole branch", () => {
    const hq = tree.find((n) => n.id === "hq")!;
    const sales = hq.children.find((c) => c.id === "sales")!;
    expect([sales.mailboxCount, sales.totalMailboxCount]).toEqual([0, 4]);
    expect([hq.mailboxCount, hq.totalMailboxCount]).toEqual([0, 8]);
    expect(tree.find((n) => n.id === "fin")!.totalMailboxCount).toBe(0);
  });
  it("puts an orphan at the root rather than losing it", () => {
    expect(buildDepartmentTree([{ id: "o", name: "O", parentId: "gone" }], new Map()).map((n) => n.id)).toEqual(["o"]);
  });
});

describe("subtreeIds", () => {
  it("lists the department and everything below it", () => {
    expect(subtreeIds("sales", rows).sort()).toEqual(["east", "sales", "sh"]);
    expect(subtreeIds("fin", rows)).toEqual(["fin"]);
  });
});
