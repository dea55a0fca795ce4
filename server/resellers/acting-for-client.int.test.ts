import { beforeAll, describe, expect, it } from "vitest";
import type { AnyProcedure } from "@trpc/server";
import type { SessionUser } from "@/server/auth/session-user";
import { createPlan, operatorUser, requestId } from "@/server/billing/billing-test-fixtures";
import { db } from "@/server/shared/db";
import { refusal } from "@/server/test/authz";
import { makeContext } from "@/server/trpc/context";
import { clientProcedure, resellerProcedure } from "@/server/trpc/procedures";
import { appRouter, createCaller } from "@/server/trpc/root";
import { createResellerTree } from "./reseller-tree-fixtures";

// Every procedure a reseller may call for a client (those built on clientProcedure: orders,
// resizes, top-ups, statements, domains, SLA), found in the router itself so a new one is covered
// without editing this file, × {own client, sub-reseller's client, sibling's client, another
// reseller's client, direct tenant, no such tenant, no client chosen, wrong role}. Called without
// input: the tier decides before the input is read, and "reached" means the tier let it through
// (what follows may still refuse the missing input).

type Tree = Awaited<ReturnType<typeof createResellerTree>>;
let tree: Tree;
beforeAll(async () => {
  tree = await createResellerTree("Acting");
});

// A procedure built on clientProcedure starts with the tier's own middlewares (tRPC keeps them on _def).
const middlewaresOf = (p: unknown) => (p as { _def: { middlewares: unknown[] } })._def.middlewares;
const tier = middlewaresOf(clientProcedure);
const isClientProcedure = (p: AnyProcedure) => tier.every((m, i) => middlewaresOf(p)[i] === m);
const procedures = appRouter._def.procedures as unknown as Record<string, AnyProcedure>;
const paths = Object.keys(procedures).filter((path) => isClientProcedure(procedures[path]!));

async function call(path: string, user: SessionUser | null, actingTenantId: string | null) {
  const caller = createCaller(makeContext(user, "127.0.0.1", "en", actingTenantId)) as unknown as Record<string, unknown>;
  const fn = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (input?: unknown) => Promise<unknown>;
  return refusal(fn(undefined)).catch((e: Error) => (e.message.includes("got success") ? { code: "ok", message: null } : Promise.reject(e)));
}

const TENANT_NOT_FOUND = { code: "NOT_FOUND", message: "Tenant not found" };
const reached = (r: { code: string; message: string | null }) => !["UNAUTHORIZED", "FORBIDDEN"].includes(r.code) && r.message !== "Tenant not found";

describe("a reseller acting for a client, through every client procedure", () => {
  it("finds the client procedures in the router", () => {
    expect(paths).toEqual(expect.arrayContaining(["billing.account.createOrder", "billing.account.scheduleResize", "billing.account.createTopUp", "domains.add", "domains.checkNow", "sla.customer.report"]));
    expect(paths).not.toContain("domains.all"); // operators'
    expect(paths).not.toContain("tenants.mailboxes.create"); // the tenant's admin's own
    expect(paths.length).toBeGreaterThan(20);
  });

  describe.each([
    ["its own client", () => tree.top.staff, () => tree.top.clientId],
    ["its sub-reseller's client", () => tree.top.staff, () => tree.sub.clientId],
  ])("reaches %s", (_what, user, tenant) => {
    it.each(paths)("%s", async (path) => {
      expect(reached(await call(path, user(), tenant()))).toBe(true);
    });
  });

  describe.each([
    ["a sibling sub-reseller's client", () => tree.sub.staff, () => tree.siblingSub.clientId],
    ["its parent's client", () => tree.sub.staff, () => tree.top.clientId],
    ["another reseller's client", () => tree.top.staff, () => tree.other.clientId],
    ["a tenant that buys directly", () => tree.top.staff, () => tree.directId],
    ["a tenant that does not exist", () => tree.top.staff, () => "no-such-tenant"],
  ])("gets NOT_FOUND for %s", (_what, user, tenant) => {
    it.each(paths)("%s", async (path) => {
      expect(await call(path, user(), tenant())).toMatchObject(TENANT_NOT_FOUND);
    });
  });

  it.each(paths)("%s: FORBIDDEN for a reseller that names no client, an operator naming one, UNAUTHORIZED signed out", async (path) => {
    expect((await call(path, tree.top.staff, null)).code).toBe("FORBIDDEN");
    expect((await call(path, operatorUser, tree.top.clientId)).code).toBe("FORBIDDEN");
    expect((await call(path, null, tree.top.clientId)).code).toBe("UNAUTHORIZED");
  });

  it("lets a tenant admin reach only their own tenant, whatever client id they send", async () => {
    const admin = tree.other.clientAdmin;
    const caller = createCaller(makeContext(admin, "127.0.0.1", "en", tree.top.clientId));
    const overview = await caller.billing.account.overview();
    const own = await createCaller(makeContext(admin)).billing.account.overview();
    expect(overview).toEqual(own);
  });
});

describe("ordering and binding on behalf", () => {
  it("is audited with both the reseller actor and the client tenant", async () => {
    const plan = await createPlan();
    const acting = createCaller(makeContext(tree.top.staff, "127.0.0.1", "en", tree.sub.clientId));
    const order = await acting.billing.account.createOrder({ planId: plan.id, seats: 20, termYears: 1, method: "bank_transfer", idempotencyKey: requestId() });
    const domain = await acting.domains.add({ name: `on-behalf-${Date.now()}.cn` });
    const audits = await db.auditEvent.findMany({ where: { targetId: { in: [order.id, domain.id] } }, orderBy: { id: "asc" } });
    expect(audits.map((a) => [a.action, a.actorRole, a.actorId, a.actorResellerId, a.tenantId])).toEqual([
      ["billing.order.create", "reseller", tree.top.staff.id, tree.top.resellerId, tree.sub.clientId],
      [expect.stringMatching(/^domain/), "reseller", tree.top.staff.id, tree.top.resellerId, tree.sub.clientId],
    ]);
    // The client's own admin sees the order and the domain as theirs.
    const own = createCaller(makeContext(tree.sub.clientAdmin));
    expect((await own.billing.account.orders()).map((o) => o.id)).toContain(order.id);
    expect((await own.domains.list()).rows.map((d) => d.id)).toContain(domain.id);
  });
});

describe("a suspended reseller", () => {
  let underSuspendedParent: Tree;
  beforeAll(async () => {
    underSuspendedParent = await createResellerTree("Suspended parent");
    await db.reseller.update({ where: { id: underSuspendedParent.top.resellerId }, data: { status: "suspended" } });
  });

  it("still reads its clients but changes nothing for them, nor does its sub-reseller", async () => {
    const suspended = await createResellerTree("Suspended");
    await db.reseller.update({ where: { id: suspended.top.resellerId }, data: { status: "suspended" } });
    for (const [staff, client] of [
      [suspended.top.staff, suspended.top.clientId],
      [suspended.sub.staff, suspended.sub.clientId],
    ] as const) {
      const acting = createCaller(makeContext(staff, "127.0.0.1", "en", client));
      await expect(acting.billing.account.overview()).resolves.toBeTruthy();
      expect(await refusal(acting.domains.add({ name: `suspended-${Date.now()}.cn` }))).toMatchObject({ code: "PRECONDITION_FAILED", message: "Your reseller account is suspended" });
    }
    expect(await db.domain.count({ where: { tenantId: { in: [suspended.top.clientId, suspended.sub.clientId] } } })).toBe(0);
  });

  // Every write of the reseller tier, found in the router (its announcements, clients, staff,
  // sub-resellers): refused before its input is read.
  const resellerTier = middlewaresOf(resellerProcedure);
  const resellerWrites = Object.keys(procedures).filter((path) => {
    const p = procedures[path]!;
    return p._def.type === "mutation" && resellerTier.every((m, i) => middlewaresOf(p)[i] === m);
  });

  it.each(resellerWrites)("refuses %s for a reseller under a suspended parent", async (path) => {
    expect(await call(path, underSuspendedParent.sub.staff, null)).toMatchObject({ code: "PRECONDITION_FAILED", message: "Your reseller account is suspended" });
  });

  it("covers the reseller tier's writes", () => {
    expect(resellerWrites).toEqual(expect.arrayContaining(["announcements.reseller.create", "resellers.clients.create", "resellers.self.updateCard", "resellers.self.createSubReseller"]));
  });
});
