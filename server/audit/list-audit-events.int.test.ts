import { beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "@/server/trpc/root";
import { makeContext } from "@/server/trpc/context";
import type { SessionUser } from "@/server/auth/session-user";
import { callOverHttp, seedAuditEvents, seedAuditWorld } from "./audit-test-fixtures";
import type { TListAuditEventsRequest } from "./list-audit-events.types";

let world: Awaited<ReturnType<typeof seedAuditWorld>>;
const as = (user: SessionUser) => createCaller(makeContext(user));
const day = (d: number) => new Date(Date.UTC(2026, 0, d, 8));

beforeAll(async () => {
  world = await seedAuditWorld();
  const { tenantA, tenantB, users } = world;
  const named = [
    { occurredAt: day(1), actorId: "ops", actorEmail: "ops@example.test", actorRole: "operator", action: "plan.update" },
    {
      occurredAt: day(2),
      actorId: "admin-a",
      actorEmail: "Admin-A@example.test",
      actorRole: "tenant_admin",
      tenantId: tenantA.id,
      action: "mailbox.create",
      details: { name: "张三" },
    },
    { occurredAt: day(3), actorId: "admin-a", actorEmail: "Admin-A@example.test", tenantId: tenantA.id, action: "mailbox.delete", result: "failure" },
    { occurredAt: day(4), actorId: "admin-b", actorEmail: "admin-b@example.test", tenantId: tenantB.id, action: "mailbox.create" },
    { occurredAt: day(5), actorId: "ops", actorEmail: "ops@example.test", tenantId: tenantB.id, action: "tenant.suspend" },
    { occurredAt: day(6), tenantId: tenantA.id, action: "plan" },
    { occurredAt: day(7), actorId: "ops", actorEmail: "ops@example.test", action: "planet.rename" },
  ] as const;
  await seedAuditEvents(named.length, (i) => ({ ...named[i] }));
  // 45 later rows in tenant B for paging.
  await seedAuditEvents(45, (i) => ({
    occurredAt: new Date(day(10).getTime() + i * 60_000),
    tenantId: tenantB.id,
    action: "bulk.row",
    actorId: users.adminB.id,
  }));
});

const list = (input: Partial<TListAuditEventsRequest>) => as(world.users.operator).audit.list({ page: 1, pageSize: 100, ...input });
const actions = async (input: Partial<TListAuditEventsRequest>) => (await list(input)).rows.map((r) => r.action).sort();

describe("audit.list (operator)", () => {
  it("returns every row newest first with the total", async () => {
    const page = await list({});
    expect(page.total).toBe(52);
    expect(page.rows[0]!.action).toBe("bulk.row");
    const times = page.rows.map((r) => r.occurredAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("pages without overlap or gaps", async () => {
    const pages = await Promise.all([1, 2, 3].map((page) => list({ page, pageSize: 20 })));
    expect(pages.map((p) => p.rows.length)).toEqual([20, 20, 12]);
    const ids = pages.flatMap((p) => p.rows.map((r) => r.id));
    expect(new Set(ids).size).toBe(52);
    expect(pages.every((p) => p.total === 52)).toBe(true);
    expect((await list({ page: 4, pageSize: 20 })).rows).toEqual([]);
  });

  it("filters by actor e-mail substring (any case) or exact actor id", async () => {
    expect(await actions({ actor: "admin-a@" })).toEqual(["mailbox.create", "mailbox.delete"]);
    expect(await actions({ actor: "ADMIN-A" })).toEqual(["mailbox.create", "mailbox.delete"]);
    expect(await actions({ actor: "ops" })).toEqual(["plan.update", "planet.rename", "tenant.suspend"]);
    expect((await list({ actor: "admin-b" })).total).toBe(46);
  });

  it("filters by action: exact with dotted children, or a prefix ending in *", async () => {
    expect(await actions({ action: "mailbox.create" })).toEqual(["mailbox.create", "mailbox.create"]);
    expect(await actions({ action: "mailbox" })).toEqual(["mailbox.create", "mailbox.create", "mailbox.delete"]);
    expect(await actions({ action: "plan" })).toEqual(["plan", "plan.update"]);
    expect(await actions({ action: "plan*" })).toEqual(["plan", "plan.update", "planet.rename"]);
    expect(await actions({ action: "mailbox.cre" })).toEqual([]);
  });

  it("filters by tenant, date range (inclusive) and result, and combines them", async () => {
    expect(await actions({ tenantId: world.tenantA.id })).toEqual(["mailbox.create", "mailbox.delete", "plan"]);
    expect(await actions({ from: day(2).toISOString(), to: day(4).toISOString() })).toEqual([
      "mailbox.create",
      "mailbox.create",
      "mailbox.delete",
    ]);
    expect(await actions({ result: "failure" })).toEqual(["mailbox.delete"]);
    expect(await actions({ tenantId: world.tenantA.id, result: "success", to: day(5).toISOString() })).toEqual(["mailbox.create"]);
    // An empty text field is no filter at all.
    expect((await list({ actor: "  ", action: "" })).total).toBe(52);
  });

  it("names the tenant of each row and keeps details", async () => {
    const [row] = (await list({ action: "mailbox.create", tenantId: world.tenantA.id })).rows;
    expect(row).toMatchObject({ tenantName: "甲公司", details: { name: "张三" }, actorRole: "tenant_admin" });
    expect(typeof row!.id).toBe("string");
  });
});

describe("audit.listMine (tenant admin)", () => {
  it("sees only their tenant's rows", async () => {
    const page = await as(world.users.adminA).audit.listMine({ page: 1, pageSize: 100 });
    expect(page.total).toBe(3);
    expect(page.rows.every((r) => r.tenantId === world.tenantA.id)).toBe(true);
  });

  it("never sees another tenant's rows, even when passing that tenant's id", async () => {
    const sneaky = { page: 1, pageSize: 100, tenantId: world.tenantB.id } as { page: number; pageSize: number };
    const page = await as(world.users.adminA).audit.listMine(sneaky);
    expect(page.total).toBe(3);
    expect(page.rows.map((r) => r.tenantId)).not.toContain(world.tenantB.id);
    const filtered = await as(world.users.adminA).audit.listMine({ page: 1, pageSize: 100, action: "bulk.row" });
    expect(filtered.total).toBe(0);
  });

  it("offers only their own actions and no tenant list in the filter options", async () => {
    const mine = await as(world.users.adminA).audit.filterOptions();
    expect(mine).toEqual({ actions: ["mailbox.create", "mailbox.delete", "plan"], tenants: [] });
    const all = await as(world.users.operator).audit.filterOptions();
    expect(all.actions).toContain("planet.rename");
    expect(all.tenants).toEqual(
      expect.arrayContaining([
        { id: world.tenantA.id, name: "甲公司" },
        { id: world.tenantB.id, name: "Beta Ltd" },
      ]),
    );
  });
});

describe("bad input", () => {
  it.each([
    [{ page: 0 }, "page"],
    [{ pageSize: 1000 }, "pageSize"],
    [{ pageSize: 0 }, "pageSize"],
    [{ page: 1.5 }, "page"],
    [{ from: "yesterday" }, "from"],
    [{ result: "maybe" }, "result"],
    [{ actor: "x".repeat(255) }, "actor"],
  ])("%j → BAD_REQUEST with a field error on %s", async (input, field) => {
    const { status, error } = await callOverHttp(world.users.operator, "audit.list", input);
    expect(status).toBe(400);
    expect(error?.data?.code).toBe("BAD_REQUEST");
    expect(error?.data?.fieldErrors?.[field]?.length).toBeGreaterThan(0);
  });

  it("refuses a range whose end is before its start, on the `to` field", async () => {
    const input = { from: day(5).toISOString(), to: day(4).toISOString() };
    for (const [user, path] of [
      [world.users.operator, "audit.list"],
      [world.users.adminA, "audit.listMine"],
    ] as const) {
      const { status, error } = await callOverHttp(user, path, input);
      expect(status).toBe(400);
      expect(error?.data).toMatchObject({ code: "BAD_REQUEST", domainCode: "BAD_INPUT" });
      expect(error?.data?.fieldErrors?.to).toEqual(["must not be before the start of the range"]);
    }
    const exportTry = await callOverHttp(
      world.users.operator,
      "audit.requestExport",
      { ...input, requestId: "6c1f0d4e-1a2b-4c3d-8e9f-0a1b2c3d4e5f" },
      "mutation",
    );
    expect(exportTry.error?.data?.fieldErrors?.to).toBeDefined();
  });

  it("accepts a range of one instant", async () => {
    const at = day(3).toISOString();
    expect(await actions({ from: at, to: at })).toEqual(["mailbox.delete"]);
  });
});
