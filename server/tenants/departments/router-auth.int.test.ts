import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/auth/session-user";
import { db } from "@/server/shared/db";
import { describeMatrix, outcome } from "@/server/test/authz";
import { makeContext } from "@/server/trpc/context";
import { createCallerFactory } from "@/server/trpc/init";
import { consoleWriteCounts, createConsoleTenant, customerRow, matrixCallers, ownersOnlyRow, type Who } from "../tenant-test-fixtures";
import { departmentsRouter } from "./router";

// Each procedure of departmentsRouter × each kind of caller; every id is the owner's, so
// "other_tenant" shows another tenant's department is NOT_FOUND, never FORBIDDEN.
let who: (w: Who) => SessionUser | null;
let parentId: string;
let seq = 0;
const api = (w: Who) => createCallerFactory(departmentsRouter)(makeContext(who(w)));
const ownerDepartment = async () => (await api("owner").create({ name: `部门${++seq}` })).id;

beforeAll(async () => {
  const owner = await createConsoleTenant({ name: "Owner" });
  const other = await createConsoleTenant({ name: "Other" });
  who = matrixCallers(owner.admin, other.admin);
  parentId = await ownerDepartment();
});

const calls: Record<string, (w: Who) => Promise<unknown>> = {
  list: (w) => api(w).list(),
  create: (w) => api(w).create({ name: `子部门${++seq}`, parentId }),
  rename: async (w) => api(w).rename({ departmentId: await ownerDepartment(), name: `改名${++seq}` }),
  move: async (w) => api(w).move({ departmentId: await ownerDepartment(), parentId }),
  delete: async (w) => api(w).delete({ departmentId: await ownerDepartment() }),
};

describeMatrix<Who>("departments × callers", calls, {
  list: customerRow,
  create: ownersOnlyRow,
  rename: ownersOnlyRow,
  move: ownersOnlyRow,
  delete: ownersOnlyRow,
});

describe("a customer reaches only their own departments", () => {
  it("never lists another tenant's departments, and refused callers write nothing", async () => {
    expect((await api("other_tenant").list()).tree.map((n) => n.id)).not.toContain(parentId);
    const before = await consoleWriteCounts();
    for (const w of ["anonymous", "reseller", "operator", "other_tenant"] as const) {
      await outcome(() => api(w).rename({ departmentId: parentId, name: "偷改" }));
      await outcome(() => api(w).delete({ departmentId: parentId }));
      await outcome(() => api(w).create({ name: "偷建", parentId }));
    }
    expect(await consoleWriteCounts()).toEqual(before);
    expect((await db.department.findUniqueOrThrow({ where: { id: parentId } })).name).toMatch(/^部门/);
  });
});
