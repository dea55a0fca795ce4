import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/shared/db";
import type { SessionUser } from "@/server/auth/session-user";
import { makeContext } from "@/server/trpc/context";
import { createCallerFactory } from "@/server/trpc/init";
import { createConsoleTenant, refusedWritingNothing, seedMailboxes, type ConsoleTenant } from "../tenant-test-fixtures";
import { departmentsRouter } from "./router";

// The department tree through the tRPC caller: create, rename, move, delete, list; each refusal
// is specific and writes nothing.
let t: ConsoleTenant;
let other: ConsoleTenant;
const caller = (user: SessionUser) => createCallerFactory(departmentsRouter)(makeContext(user));
const api = () => caller(t.admin);

beforeAll(async () => {
  t = await createConsoleTenant({ name: "树形公司" });
  other = await createConsoleTenant({ name: "别家" });
});

describe("departments", () => {
  it("creates at the root and under a parent, and lists the tree with mailbox counts", async () => {
    const hq = await api().create({ name: "总部" });
    const sales = await api().create({ name: "销售部", parentId: hq.id });
    await api().create({ name: "技术部", parentId: hq.id });
    await seedMailboxes(t, 2, sales.id);
    await seedMailboxes(t, 1);
    const list = await api().list();
    const root = list.tree.find((n) => n.id === hq.id)!;
    expect(root.children.map((c) => c.name).sort()).toEqual(["技术部", "销售部"].sort());
    expect(root.totalMailboxCount).toBe(2);
    expect(root.children.find((c) => c.id === sales.id)!.mailboxCount).toBe(2);
    expect(list.unassigned).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "department.create", tenantId: t.tenant.id } })).toBe(3);
  });

  it("refuses a sibling name that differs only in case, but allows it elsewhere in the tree", async () => {
    const a = await api().create({ name: "Sales" });
    const r = await refusedWritingNothing(() => api().create({ name: " sales " }));
    expect(r.code).toBe("CONFLICT");
    expect(r.fieldErrors?.name?.[0]).toContain("already a department");
    await expect(api().create({ name: "sales", parentId: a.id })).resolves.toMatchObject({ name: "sales" });
    await expect(caller(other.admin).create({ name: "Sales" })).resolves.toMatchObject({ name: "Sales" });
  });

  it("renames, refusing a sibling's name", async () => {
    const a = await api().create({ name: "市场部" });
    await api().create({ name: "品牌部" });
    expect((await api().rename({ departmentId: a.id, name: "市场营销部" })).name).toBe("市场营销部");
    expect((await refusedWritingNothing(() => api().rename({ departmentId: a.id, name: "品牌部" }))).code).toBe("CONFLICT");
  });

  it("moves a branch, refusing under itself or its descendant", async () => {
    const top = await api().create({ name: "运营部" });
    const mid = await api().create({ name: "华东运营", parentId: top.id });
    const leaf = await api().create({ name: "上海运营", parentId: mid.id });
    const self = await refusedWritingNothing(() => api().move({ departmentId: top.id, parentId: top.id }));
    expect(self.fieldErrors?.parentId?.[0]).toContain("under itself");
    const loop = await refusedWritingNothing(() => api().move({ departmentId: top.id, parentId: leaf.id }));
    expect([loop.code, loop.fieldErrors?.parentId?.[0]]).toEqual(["BAD_REQUEST", "A department cannot be moved under one of its own sub-departments"]);
    expect((await api().move({ departmentId: leaf.id, parentId: null })).parentId).toBeNull();
    expect((await api().move({ departmentId: mid.id, parentId: leaf.id })).parentId).toBe(leaf.id);
  });

  it("deletes an empty department only, naming the counts otherwise", async () => {
    const parent = await api().create({ name: "待删除" });
    const child = await api().create({ name: "子部门", parentId: parent.id });
    await seedMailboxes(t, 1, parent.id);
    const r = await refusedWritingNothing(() => api().delete({ departmentId: parent.id }));
    expect([r.code, r.message]).toEqual(["PRECONDITION_FAILED", `"待删除" still has 1 sub-department(s) and 1 mailbox(es): move or delete them first`]);
    await api().delete({ departmentId: child.id });
    expect(await db.department.count({ where: { id: child.id } })).toBe(0);
    expect((await refusedWritingNothing(() => api().delete({ departmentId: child.id }))).code).toBe("NOT_FOUND");
  });

  it("treats another tenant's department as not found everywhere, writing nothing", async () => {
    const theirs = await caller(other.admin).create({ name: "他们的部门" });
    expect((await refusedWritingNothing(() => api().create({ name: "X", parentId: theirs.id }))).code).toBe("NOT_FOUND");
    expect((await refusedWritingNothing(() => api().rename({ departmentId: theirs.id, name: "Y" }))).code).toBe("NOT_FOUND");
    expect((await refusedWritingNothing(() => api().delete({ departmentId: theirs.id }))).code).toBe("NOT_FOUND");
    const mine = await api().create({ name: "我的部门" });
    expect((await refusedWritingNothing(() => api().move({ departmentId: mine.id, parentId: theirs.id }))).code).toBe("NOT_FOUND");
  });

  it("refuses an empty or over-long name on the name field", async () => {
    expect((await refusedWritingNothing(() => api().create({ name: "   " }))).fieldErrors).toHaveProperty("name");
    expect((await refusedWritingNothing(() => api().create({ name: "部".repeat(81) }))).fieldErrors).toHaveProperty("name");
  });

  it("creates one of two parallel creations of the same name", async () => {
    const results = await Promise.allSettled([api().create({ name: "并发部" }), api().create({ name: "并发部" })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.department.count({ where: { tenantId: t.tenant.id, name: "并发部" } })).toBe(1);
  });
});
