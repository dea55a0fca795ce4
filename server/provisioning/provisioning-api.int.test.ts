import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPlan, operatorActor } from "@/server/billing/billing-test-fixtures";
import { confirmBankTransfer } from "@/server/billing/orders/confirm-bank-transfer";
import { db } from "@/server/shared/db";
import { SUCCESSFUL_AUDITS } from "@/server/test/audit-counts";
import { makeKey, startApiWorld } from "./api-test-fixtures";
import { ZApiLifecycle, ZApiTenant, ZChangePlanResult, ZCreatedTenant, ZCreateTenantBody, ZPlanList, ZTenantPage, ZTenantUsage } from "./tenants/api-tenant.types";
import { createDirectTenant } from "./tenants/create-direct-tenant";
import { KEEP_MS, purgeOnNextWrite } from "./http/idempotency";

// The provisioning API over real HTTP: every endpoint's happy path with an operator key and a
// reseller key, the audit trail naming the key, idempotency and bad input. Authorisation:
// provisioning-api-authz.int.test.ts.
let w: Awaited<ReturnType<typeof startApiWorld>>;
let ops: string;
let reseller: string;
let opsKeyId: string;

beforeAll(async () => {
  w = await startApiWorld();
  const k = await makeKey({ kind: "operator" });
  ops = k.secret;
  opsKeyId = k.id;
  reseller = (await makeKey({ kind: "reseller", resellerId: w.tree.top.id })).secret;
});
afterAll(() => w.close());

const company = (over: Record<string, unknown> = {}) => ({ companyName: "星河贸易", adminName: "王经理", adminEmail: `it-${randomUUID().slice(0, 8)}@xinghe.test`, ...over });
const writes = async () => ({ tenants: await db.tenant.count(), users: await db.user.count(), audits: await db.auditEvent.count(SUCCESSFUL_AUDITS) });

describe("operator key: every endpoint", () => {
  it("serves the OpenAPI document and the plans on sale", async () => {
    const plan = await createPlan();
    const doc = await w.call("GET", "/openapi.json");
    expect(doc.status).toBe(200);
    expect(doc.json.openapi).toBe("3.1.0");
    const plans = await w.call("GET", "/plans", { key: ops });
    expect(plans.status).toBe(200);
    expect(ZPlanList.parse(plans.json).items.map((p) => p.id)).toContain(plan.id);
  });

  it("creates a direct tenant, lists, reads, orders a plan, resizes it once paid, meters usage, suspends, unsuspends and terminates", async () => {
    const created = await w.call("POST", "/tenants", { key: ops, body: company({ timeZone: "asia/shanghai" }) });
    expect(created.status).toBe(201);
    const { tenant, invitationSent } = ZCreatedTenant.parse(created.json);
    expect(tenant).toMatchObject({ resellerId: null, status: "active", timeZone: "Asia/Shanghai", subscription: null });
    expect(invitationSent).toBe(true);
    expect(w.sink.messages.some((m) => m.to.includes(tenant.adminEmail!))).toBe(true);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "tenant.create", targetId: tenant.id } });
    expect(audit).toMatchObject({ actorId: "ops-api", actorRole: "operator", tenantId: tenant.id });
    expect(audit.details).toMatchObject({ via: "api", apiKeyId: opsKeyId, adminEmail: tenant.adminEmail });

    const one = await w.call("GET", `/tenants/${tenant.id}`, { key: ops });
    expect(ZApiTenant.parse(one.json)).toEqual(tenant);
    const page = await w.call("GET", "/tenants?pageSize=2&page=1", { key: ops });
    expect(page.status).toBe(200);
    expect(ZTenantPage.parse(page.json)).toMatchObject({ page: 1, pageSize: 2, total: await db.tenant.count() });
    expect(page.json.items).toHaveLength(2);

    const plan = await createPlan();
    const ordered = await w.call("POST", `/tenants/${tenant.id}/plan`, { key: ops, body: { planId: plan.id, seats: 10 } });
    expect(ordered.status).toBe(200);
    const order = ZChangePlanResult.parse(ordered.json);
    if (order.kind !== "order") throw new Error("expected an order");
    expect(order.order).toMatchObject({ method: "bank_transfer", status: "pending", seats: 10, termYears: 1, amount: 200_000 });
    await confirmBankTransfer(operatorActor, { reference: order.order.reference, amount: order.order.amount });
    const resized = await w.call("POST", `/tenants/${tenant.id}/plan`, { key: ops, body: { planId: plan.id, seats: 20 } });
    expect(resized.status).toBe(200);
    expect(ZChangePlanResult.parse(resized.json)).toMatchObject({ kind: "resize", resize: { toSeats: 20, status: "scheduled" } });

    const usage = await w.call("GET", `/tenants/${tenant.id}/usage`, { key: ops });
    expect(ZTenantUsage.parse(usage.json)).toMatchObject({ tenantId: tenant.id, seats: { paid: 10, used: 0, free: 10 }, mailboxes: 0, domains: 0, storage: { usedBytes: 0 } });

    const suspended = await w.call("POST", `/tenants/${tenant.id}/suspend`, { key: ops, body: { reason: "WHMCS: overdue invoice" } });
    expect(ZApiLifecycle.parse(suspended.json)).toMatchObject({ status: "suspended", suspendedReason: "operator" });
    const lifted = await w.call("POST", `/tenants/${tenant.id}/unsuspend`, { key: ops, body: { reason: "WHMCS: invoice paid" } });
    expect(lifted.status).toBe(200);
    expect(ZApiLifecycle.parse(lifted.json).suspendedReason).not.toBe("operator");
    await w.call("POST", `/tenants/${tenant.id}/suspend`, { key: ops, body: { reason: "WHMCS: cancelled" } });
    const terminated = await w.call("POST", `/tenants/${tenant.id}/terminate`, { key: ops, body: { reason: "WHMCS: cancelled" } });
    expect(ZApiLifecycle.parse(terminated.json)).toMatchObject({ status: "frozen" });
    const trail = await db.auditEvent.findMany({ where: { tenantId: tenant.id, result: "success" }, orderBy: { occurredAt: "asc" } });
    expect(trail.map((a) => a.action)).toEqual(expect.arrayContaining(["tenant.create", "billing.order.create", "billing.resize.schedule", "tenant.suspend", "tenant.unsuspend", "tenant.terminate"]));
    for (const a of trail.filter((a) => a.actorId === "ops-api")) expect(a.details).toMatchObject({ via: "api", apiKeyId: opsKeyId });
  });

  it("opens a client of a named reseller; an unknown reseller is a field error", async () => {
    const created = await w.call("POST", "/tenants", { key: ops, body: company({ resellerId: w.tree.other.id }) });
    expect(created.status).toBe(201);
    expect(created.json.tenant.resellerId).toBe(w.tree.other.id);
    const unknown = await w.call("POST", "/tenants", { key: ops, body: company({ resellerId: "no-such-reseller" }) });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.fields).toHaveProperty("resellerId");
  });
});

describe("reseller key", () => {
  it("opens clients of its own and of its sub-reseller, lists only its tree, but cannot suspend its client (operator-only)", async () => {
    const own = await w.call("POST", "/tenants", { key: reseller, body: company() });
    expect(own.status).toBe(201);
    expect(own.json.tenant.resellerId).toBe(w.tree.top.id);
    const sub = await w.call("POST", "/tenants", { key: reseller, body: company({ resellerId: w.tree.sub.id }) });
    expect(sub.json.tenant.resellerId).toBe(w.tree.sub.id);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "reseller.client.create", targetId: own.json.tenant.id } });
    expect(audit).toMatchObject({ actorRole: "reseller", actorResellerId: w.tree.top.id });
    expect(audit.details).toMatchObject({ via: "api" });

    const list = await w.call("GET", "/tenants?pageSize=200", { key: reseller });
    const tree = [w.tree.top.id, w.tree.sub.id, w.tree.siblingSub.id];
    expect(list.json.items.length).toBeGreaterThan(2);
    for (const t of list.json.items) expect(tree).toContain(t.resellerId);
    expect(list.json.total).toBe(await db.tenant.count({ where: { resellerId: { in: tree } } }));

    const suspended = await w.call("POST", `/tenants/${own.json.tenant.id}/suspend`, { key: reseller, body: { reason: "unpaid" } });
    expect(suspended).toMatchObject({ status: 403, json: { error: { code: "FORBIDDEN" } } });
    expect(await db.tenant.findUniqueOrThrow({ where: { id: own.json.tenant.id }, select: { status: true } })).toEqual({ status: "active" });
  });
});

describe("idempotency", () => {
  it("replays the first answer for the same key and body, and does not act twice", async () => {
    const idem = `create-${randomUUID()}`;
    const body = company();
    const before = await writes();
    const first = await w.call("POST", "/tenants", { key: ops, body, idem });
    // The same body with other key order and spacing is the same request.
    const reordered = `{ "adminEmail": "${body.adminEmail}",  "adminName": "${body.adminName}", "companyName": "${body.companyName}" }`;
    const again = await w.call("POST", "/tenants", { key: ops, raw: reordered, idem });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    expect(again.json).toEqual(first.json);
    expect(await writes()).toEqual({ tenants: before.tenants + 1, users: before.users + 1, audits: before.audits + 1 });
    expect(w.sink.messages.filter((m) => m.to.includes(body.adminEmail))).toHaveLength(1);
  });

  it("refuses the same key with another body (422) and writes nothing", async () => {
    const idem = randomUUID();
    await w.call("POST", "/tenants", { key: ops, body: company(), idem });
    const before = await writes();
    const other = await w.call("POST", "/tenants", { key: ops, body: company(), idem });
    expect(other.status).toBe(422);
    expect(other.json.error).toMatchObject({ code: "IDEMPOTENCY_MISMATCH" });
    expect(other.json.error.messageZh).toBeTruthy();
    const otherPath = await w.call("POST", `/tenants/${w.tree.clients.direct.tenantId}/suspend`, { key: ops, body: { reason: "x" }, idem });
    expect(otherPath.status).toBe(422);
    expect(await writes()).toEqual(before);
  });

  it("requires the header on every write, 1–255 printable characters", async () => {
    const before = await writes();
    const missing = await w.call("POST", "/tenants", { key: ops, body: company(), idem: null });
    expect(missing.status).toBe(400);
    expect(missing.json.error.message).toMatch(/Idempotency-Key/);
    expect((await w.call("POST", "/tenants", { key: ops, body: company(), idem: "x".repeat(256) })).status).toBe(400);
    expect((await w.call("POST", "/tenants", { key: ops, body: company(), idem: "has space" })).status).toBe(400);
    expect((await w.call("POST", "/tenants", { key: ops, body: company(), idem: "k".repeat(255) })).status).toBe(201);
    expect((await writes()).tenants).toBe(before.tenants + 1);
  });

  it("lets one of concurrent duplicates execute; the others get its answer", async () => {
    const idem = randomUUID();
    const body = company();
    const before = await db.tenant.count();
    const answers = await Promise.all(Array.from({ length: 6 }, () => w.call("POST", "/tenants", { key: ops, body, idem })));
    expect(answers.map((a) => a.status)).toEqual(Array(6).fill(201));
    expect(new Set(answers.map((a) => a.json.tenant.id)).size).toBe(1);
    expect(answers.filter((a) => a.headers.get("idempotent-replayed") === "true")).toHaveLength(5);
    expect(await db.tenant.count()).toBe(before + 1);
  });

  it("replays a suspension instead of suspending twice, and replays a refusal as it was", async () => {
    const t = w.tree.clients.direct.tenantId;
    const idem = randomUUID();
    const first = await w.call("POST", `/tenants/${t}/suspend`, { key: ops, body: { reason: "abuse" }, idem });
    const again = await w.call("POST", `/tenants/${t}/suspend`, { key: ops, body: { reason: "abuse" }, idem });
    expect(first.status).toBe(200);
    expect(again).toMatchObject({ status: 200, json: first.json });
    expect(await db.auditEvent.count({ where: { action: "tenant.suspend", tenantId: t, result: "success" } })).toBe(1);
    const refusedIdem = randomUUID();
    const refused = await w.call("POST", `/tenants/${t}/suspend`, { key: ops, body: { reason: "abuse" }, idem: refusedIdem });
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe("CONFLICT");
    const replayed = await w.call("POST", `/tenants/${t}/suspend`, { key: ops, body: { reason: "abuse" }, idem: refusedIdem });
    expect(replayed).toMatchObject({ status: 409, json: refused.json });
    expect(replayed.headers.get("idempotent-replayed")).toBe("true");
  });

  it("a direct tenant's request id reused with another company (a retry after a 5xx, whose record is not kept) is a conflict, not the first tenant", async () => {
    const requestId = `api-${randomUUID().replace(/-/g, "")}`;
    const first = ZCreateTenantBody.parse(company());
    const made = await createDirectTenant(operatorActor, first, requestId);
    expect(await createDirectTenant(operatorActor, first, requestId)).toEqual({ tenantId: made.tenantId, invitationSent: false });
    const other = ZCreateTenantBody.parse(company({ companyName: "另一家公司" }));
    await expect(createDirectTenant(operatorActor, other, requestId)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.user.count({ where: { email: other.adminEmail } })).toBe(0);
  });

  it("drops answers older than 30 days when a write comes (at most once a minute), and keeps the recent ones", async () => {
    const k = await makeKey({ kind: "operator" });
    const row = { apiKeyId: k.id, method: "POST", path: "/api/v1/tenants", bodyHash: "0".repeat(64), status: 201, response: {} };
    await db.apiIdempotencyRecord.create({ data: { ...row, key: "ancient", createdAt: new Date(Date.now() - KEEP_MS - 60_000) } });
    await db.apiIdempotencyRecord.create({ data: { ...row, key: "recent", createdAt: new Date(Date.now() - KEEP_MS + 3_600_000) } });
    await db.apiIdempotencyRecord.create({ data: { ...row, apiKeyId: opsKeyId, key: `old-${randomUUID()}`, createdAt: new Date(Date.now() - KEEP_MS - 60_000) } });
    purgeOnNextWrite();
    await w.call("POST", `/tenants/${w.tree.clients.direct.tenantId}/plan`, { key: k.secret, body: { planId: "no-such-plan", seats: 10 } });
    expect(await db.apiIdempotencyRecord.count({ where: { createdAt: { lt: new Date(Date.now() - KEEP_MS) } } })).toBe(0);
    expect(await db.apiIdempotencyRecord.count({ where: { apiKeyId: k.id, key: "recent" } })).toBe(1);
  });

  it("replays the first answer on a path longer than the stored 255 characters, instead of calling it a mismatch", async () => {
    const idem = randomUUID();
    const path = `/tenants/${"x".repeat(300)}/suspend`;
    const first = await w.call("POST", path, { key: ops, body: { reason: "long" }, idem });
    const again = await w.call("POST", path, { key: ops, body: { reason: "long" }, idem });
    expect(first.status).toBe(404);
    expect(again).toMatchObject({ status: 404, json: first.json });
    expect(again.headers.get("idempotent-replayed")).toBe("true");
  });
});

describe("bad input", () => {
  it("answers 400 with field errors and writes nothing", async () => {
    const before = await writes();
    const bad = await w.call("POST", "/tenants", { key: ops, body: { companyName: " ", adminName: "甲", adminEmail: "not-an-address", timeZone: "Mars/Olympus" } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe("BAD_INPUT");
    expect(Object.keys(bad.json.error.fields ?? {}).sort()).toEqual(["adminEmail", "companyName", "timeZone"]);
    const notJson = await w.call("POST", "/tenants", { key: ops, raw: "{nope" });
    expect(notJson.status).toBe(400);
    const array = await w.call("POST", "/tenants", { key: ops, raw: "[1]" });
    expect(array.status).toBe(400);
    const t = w.tree.clients.own.tenantId;
    const noReason = await w.call("POST", `/tenants/${t}/suspend`, { key: ops, body: {} });
    expect(noReason.json.error.fields).toHaveProperty("reason");
    const seats = await w.call("POST", `/tenants/${t}/plan`, { key: ops, body: { planId: "p", seats: "ten" } });
    expect(seats.status).toBe(400);
    expect(seats.json.error.fields).toHaveProperty("seats");
    const paging = await w.call("GET", "/tenants?pageSize=1000&page=0", { key: ops });
    expect(paging.status).toBe(400);
    expect(Object.keys(paging.json.error.fields ?? {}).sort()).toEqual(["page", "pageSize"]);
    const taken = await w.call("POST", "/tenants", { key: ops, body: company({ adminEmail: w.tree.clients.own.adminEmail }) });
    expect(taken.status).toBe(409);
    expect(taken.json.error.fields).toHaveProperty("adminEmail");
    // A body past 64 KiB is refused unread, and no idempotency record is kept for it.
    const idem = randomUUID();
    const huge = await w.call("POST", "/tenants", { key: ops, raw: JSON.stringify({ companyName: "x".repeat(70_000) }), idem });
    expect(huge).toMatchObject({ status: 413, json: { error: { code: "PAYLOAD_TOO_LARGE" } } });
    expect(await db.apiIdempotencyRecord.count({ where: { key: idem } })).toBe(0);
    expect(await writes()).toEqual(before);
  });
});
