import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/shared/db";
import { refusal } from "@/server/test/authz";
import { callerFor, makeClient, makeResellerTree, requestId, type ResellerTree } from "./client-test-fixtures";

// Operators move a tenant between resellers: only resellerId changes, the history stays with the
// tenant, the operation log says from where to where and why.
let t: ResellerTree;
const ops = () => callerFor(t.users.operator).clientsOps;
// The use case's own entries: the mutation middleware also logs refusals and replays under the
// procedure's path (docs/security.md, "Operation log").
const counts = async () => ({ audits: await db.auditEvent.count({ where: { action: "reseller.client.move" } }), tenants: await db.tenant.findMany({ select: { id: true, resellerId: true }, orderBy: { id: "asc" } }) });

beforeAll(async () => {
  t = await makeResellerTree();
});

describe("resellers.clientsOps.moveTenant", () => {
  it("moves the tenant, keeps its orders, ledger and log on it, and audits from, to and reason", async () => {
    const c = await makeClient(t.top.id, "迁移客户");
    const plan = await db.plan.create({ data: { code: "move-p", name: "P", pricePerSeatYear: 12_000, mailboxQuotaMb: 1024, attachmentLimitMb: 20, largeAttachmentLimitMb: 100 } });
    const order = await db.order.create({
      data: { tenantId: c.tenantId, kind: "top_up", amount: 10_000n, currency: "CNY", reference: "MV-0001", idempotencyKey: `k-${c.tenantId}`, resellerId: t.top.id, planId: plan.id },
    });
    await db.ledgerEntry.create({ data: { tenantId: c.tenantId, kind: "payment", amount: 10_000n, currency: "CNY", idempotencyKey: `l-${c.tenantId}` } });
    const key = requestId();
    const moved = await ops().moveTenant({ tenantId: c.tenantId, toResellerId: t.other.id, reason: "客户要求更换服务商", idempotencyKey: key });
    expect(moved).toEqual({ tenantId: c.tenantId, fromResellerId: t.top.id, toResellerId: t.other.id, moved: true });
    expect((await db.tenant.findUniqueOrThrow({ where: { id: c.tenantId } })).resellerId).toBe(t.other.id);
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ tenantId: c.tenantId, resellerId: t.top.id });
    expect(await db.ledgerEntry.count({ where: { tenantId: c.tenantId } })).toBe(1);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "reseller.client.move", tenantId: c.tenantId } });
    expect(audit).toMatchObject({ actorRole: "operator", targetType: "tenant", targetId: c.tenantId });
    expect(audit.details).toMatchObject({ fromResellerId: t.top.id, fromResellerName: t.top.name, toResellerId: t.other.id, toResellerName: t.other.name, reason: "客户要求更换服务商" });

    // The old reseller no longer reaches it; the new one does.
    expect((await refusal(callerFor(t.users.top).clients.get({ tenantId: c.tenantId }))).code).toBe("NOT_FOUND");
    expect((await callerFor(t.users.other).clients.get({ tenantId: c.tenantId })).owner.resellerId).toBe(t.other.id);

    // A retry answers the first move; the same id for another target is a conflict.
    const before = await counts();
    expect(await ops().moveTenant({ tenantId: c.tenantId, toResellerId: t.other.id, reason: "客户要求更换服务商", idempotencyKey: key })).toEqual({ ...moved, moved: false });
    expect(await counts()).toEqual(before);
    expect((await refusal(ops().moveTenant({ tenantId: c.tenantId, toResellerId: null, reason: "x", idempotencyKey: key }))).code).toBe("CONFLICT");
  });

  it("makes a client a direct customer and back, to a sub-reseller", async () => {
    const c = await makeClient(t.sub.id);
    await ops().moveTenant({ tenantId: c.tenantId, toResellerId: null, reason: "转为直销", idempotencyKey: requestId() });
    expect((await db.tenant.findUniqueOrThrow({ where: { id: c.tenantId } })).resellerId).toBeNull();
    await ops().moveTenant({ tenantId: c.tenantId, toResellerId: t.siblingSub.id, reason: "交给下级乙", idempotencyKey: requestId() });
    expect((await db.tenant.findUniqueOrThrow({ where: { id: c.tenantId } })).resellerId).toBe(t.siblingSub.id);
  });

  it.each([
    ["the same reseller", () => ({ tenantId: t.clients.own.tenantId, toResellerId: t.top.id }), "BAD_REQUEST", "The tenant already belongs to this reseller: choose another one"],
    ["direct to direct", () => ({ tenantId: t.clients.direct.tenantId, toResellerId: null }), "BAD_REQUEST", "The tenant already buys directly from the platform"],
    ["an unknown tenant", () => ({ tenantId: "no-such-tenant", toResellerId: t.top.id }), "NOT_FOUND", "Tenant not found"],
    ["an unknown reseller", () => ({ tenantId: t.clients.own.tenantId, toResellerId: "no-such-reseller" }), "NOT_FOUND", "Reseller not found"],
  ])("refuses %s and changes nothing", async (_what, target, code, message) => {
    const before = await counts();
    expect(await refusal(ops().moveTenant({ ...target(), reason: "测试", idempotencyKey: requestId() }))).toMatchObject({ code, message });
    expect(await counts()).toEqual(before);
  });

  it("refuses a suspended target, or one under a suspended parent, and a move without a reason", async () => {
    const tree = await makeResellerTree("停");
    await db.reseller.update({ where: { id: tree.top.id }, data: { status: "suspended" } });
    const before = await counts();
    for (const to of [tree.top.id, tree.sub.id]) {
      const r = await refusal(ops().moveTenant({ tenantId: t.clients.direct.tenantId, toResellerId: to, reason: "测试", idempotencyKey: requestId() }));
      expect(r).toMatchObject({ code: "PRECONDITION_FAILED", fieldErrors: { toResellerId: [expect.stringContaining("suspended")] } });
    }
    const r = await refusal(ops().moveTenant({ tenantId: t.clients.direct.tenantId, toResellerId: t.top.id, reason: "  ", idempotencyKey: requestId() }));
    expect(r).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { reason: ["Give the reason for the move"] } });
    expect(await counts()).toEqual(before);
  });
});

describe("resellers.clientsOps lists", () => {
  it("lists a reseller's clients with its sub-resellers', and finds tenants and targets for the move dialog", async () => {
    const { rows, reseller, totals } = await ops().listTenants({ resellerId: t.top.id });
    expect(reseller.id).toBe(t.top.id);
    expect(rows.map((r) => r.tenantId)).toEqual(expect.arrayContaining([t.clients.own.tenantId, t.clients.sub.tenantId, t.clients.sibling.tenantId]));
    expect(rows.map((r) => r.tenantId)).not.toContain(t.clients.other.tenantId);
    expect(totals.clients).toBe(rows.length);
    expect((await ops().listTenants({ resellerId: t.sub.id })).rows.map((r) => r.tenantId)).not.toContain(t.clients.own.tenantId);
    expect((await refusal(ops().listTenants({ resellerId: "nope" }))).code).toBe("NOT_FOUND");
    const found = await ops().searchTenants({ search: "直属" });
    expect(found.map((f) => f.tenantId)).toContain(t.clients.direct.tenantId);
    const targets = await ops().moveTargets({ search: "" });
    expect(targets.find((r) => r.resellerId === t.sub.id)).toMatchObject({ parentName: t.top.name, selectable: true });
  });
});
