import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPlan } from "@/server/billing/billing-test-fixtures";
import { setClock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { refusal } from "@/server/test/authz";
import { callerFor, makeClient, makeResellerTree, type ResellerTree } from "./client-test-fixtures";
import { downloadClientsCsv } from "./download-clients-csv";

// The dashboard and its CSV: every client of the tree with billing, domain, SLA and invitation
// state, the filters, sorting and totals; the clock pinned to 2026-11-20 (Shanghai), so the last
// closed SLA month is 2026-10.
let t: ResellerTree;
let restoreClock: () => void;
const top = () => callerFor(t.users.top).clients;

async function subscribe(tenantId: string, seats: number, paid: number, charged: number) {
  const plan = await createPlan(24_000);
  await db.subscription.create({
    data: { tenantId, planId: plan.id, seats, pricePerSeatYear: 24_000, currency: "CNY", status: "active", billingStartMonth: "2026-11", paidAt: new Date("2026-11-01T00:00:00Z") },
  });
  await db.ledgerEntry.create({ data: { tenantId, kind: "payment", amount: BigInt(paid), currency: "CNY", idempotencyKey: `pay-${tenantId}` } });
  await db.ledgerEntry.create({ data: { tenantId, kind: "monthly_charge", amount: BigInt(-charged), currency: "CNY", billingMonth: "2026-11", idempotencyKey: `charge-${tenantId}` } });
  return plan;
}
const domain = (tenantId: string, name: string, extra: Record<string, unknown> = {}) =>
  db.domain.create({ data: { tenantId, name, unicodeName: name, state: "mail_ready", ownershipToken: "0".repeat(32), ...extra } });
const slaMonth = (tenantId: string, month: string, breaches: number) =>
  db.slaMonth.create({ data: { tenantId, month, status: breaches ? "breached" : "met", interruptionMinutes: 0, breaches, figures: {}, computedAt: new Date() } });

beforeAll(async () => {
  restoreClock = setClock(new Date("2026-11-20T02:00:00Z"));
  t = await makeResellerTree();
  // Own client: 20 seats at ¥240/seat-year = ¥400 a month; ¥2,000 paid, November charged: paid through March.
  await subscribe(t.clients.own.tenantId, 20, 200_000, 40_000);
  await db.user.updateMany({ where: { tenantId: t.clients.own.tenantId }, data: { status: "active" } });
  await domain(t.clients.own.tenantId, "own-ok.example.com");
  // Sub's client: 10 seats, ¥200 paid and charged: paid through November only (low balance), two problem domains.
  await subscribe(t.clients.sub.tenantId, 10, 20_000, 20_000);
  await domain(t.clients.sub.tenantId, "unverified.example.com", { state: "unverified" });
  await domain(t.clients.sub.tenantId, "mx-wrong.example.com", { mxFailingSince: new Date("2026-11-10T00:00:00Z") });
  await domain(t.clients.sub.tenantId, "fine.example.com");
  // Sibling's client: suspended, two breaches in October (September's don't count any more).
  await db.tenant.update({ where: { id: t.clients.sibling.tenantId }, data: { status: "suspended", suspendedReason: "operator" } });
  await slaMonth(t.clients.sibling.tenantId, "2026-10", 2);
  await slaMonth(t.clients.sibling.tenantId, "2026-09", 5);
  await makeClient(t.top.id, "=HYPERLINK(\"http://evil.test\")");
});
afterAll(() => restoreClock());

describe("resellers.clients.list", () => {
  it("shows every client of the tree with owner, billing, problems and invitation state, never another tree's", async () => {
    const list = await top().list({});
    expect(list.rows.map((r) => r.tenantId).sort()).toEqual(
      [t.clients.own.tenantId, t.clients.sub.tenantId, t.clients.sibling.tenantId, list.rows.find((r) => r.name.startsWith("="))!.tenantId].sort(),
    );
    const own = list.rows.find((r) => r.tenantId === t.clients.own.tenantId)!;
    expect(own).toMatchObject({
      owner: { resellerId: t.top.id, name: t.top.name, isSelf: true },
      seats: 20,
      balance: 160_000,
      paidThroughDay: "2027-03-31",
      lowBalance: false,
      problemDomains: { count: 0, names: [] },
      slaMonth: "2026-10",
      slaBreaches: 0,
      admin: { email: t.clients.own.adminEmail, state: "active" },
      invitationPending: false,
      hasProblems: false,
    });
    const sub = list.rows.find((r) => r.tenantId === t.clients.sub.tenantId)!;
    expect(sub).toMatchObject({ owner: { resellerId: t.sub.id, isSelf: false }, seats: 10, balance: 0, paidThroughDay: "2026-11-30", lowBalance: true, invitationPending: true, hasProblems: true });
    expect(sub.problemDomains).toEqual({ count: 2, names: ["mx-wrong.example.com", "unverified.example.com"] });
    const sibling = list.rows.find((r) => r.tenantId === t.clients.sibling.tenantId)!;
    expect(sibling).toMatchObject({ status: "suspended", slaBreaches: 2, seats: null, paidThroughDay: null, lowBalance: false, hasProblems: true });
    expect(list.totals).toEqual({ clients: 4, seats: 30, balance: 160_000 });
    expect(list.summary).toEqual({ clients: 4, seats: 30, balance: 160_000, withProblems: 2, byStatus: { active: 3, suspended: 1, frozen: 0 } });
    expect(list.resellers.map((r) => [r.name, r.isSelf])).toEqual([
      [t.top.name, true],
      [t.sub.name, false],
      [t.siblingSub.name, false],
    ]);
  });

  it("filters by name, status, owner and problems, and totals what it shows", async () => {
    const names = async (filters: Parameters<ReturnType<typeof top>["list"]>[0]) => (await top().list(filters)).rows.map((r) => r.tenantId);
    expect(await names({ search: "甲的" })).toEqual([t.clients.sub.tenantId]);
    expect(await names({ status: "suspended" })).toEqual([t.clients.sibling.tenantId]);
    expect(await names({ owner: t.sub.id })).toEqual([t.clients.sub.tenantId]);
    expect((await names({ owner: "self" })).sort()).toEqual(expect.arrayContaining([t.clients.own.tenantId]));
    expect(await names({ owner: "self" })).not.toContain(t.clients.sub.tenantId);
    expect((await names({ hasProblems: true })).sort()).toEqual([t.clients.sub.tenantId, t.clients.sibling.tenantId].sort());
    const filtered = await top().list({ hasProblems: true });
    expect(filtered.totals).toEqual({ clients: 2, seats: 10, balance: 0 });
    expect(filtered.summary.clients).toBe(4);
  });

  it("sorts by balance, seats and paid-through (clients without a date last)", async () => {
    const order = async (sort: "balance" | "seats" | "paidThrough", direction: "asc" | "desc") => (await top().list({ sort, direction })).rows.map((r) => r.tenantId);
    expect((await order("balance", "desc"))[0]).toBe(t.clients.own.tenantId);
    expect((await order("seats", "desc")).slice(0, 2)).toEqual([t.clients.own.tenantId, t.clients.sub.tenantId]);
    expect((await order("paidThrough", "asc")).slice(0, 2)).toEqual([t.clients.sub.tenantId, t.clients.own.tenantId]);
    expect((await order("paidThrough", "desc")).slice(0, 2)).toEqual([t.clients.own.tenantId, t.clients.sub.tenantId]);
  });

  it("shows a sub-reseller only its own clients, and refuses an owner filter outside the tree", async () => {
    const mine = await callerFor(t.users.sub).clients.list({});
    expect(mine.rows.map((r) => r.tenantId)).toEqual([t.clients.sub.tenantId]);
    expect(mine.resellers).toEqual([{ resellerId: t.sub.id, name: t.sub.name, isSelf: true }]);
    expect((await refusal(callerFor(t.users.sub).clients.list({ owner: t.siblingSub.id }))).code).toBe("NOT_FOUND");
    expect((await refusal(top().list({ owner: t.other.id }))).code).toBe("NOT_FOUND");
    expect((await refusal(top().list({ sort: "nonsense" as never }))).code).toBe("BAD_REQUEST");
  });
});

describe("resellers.clients.get", () => {
  it("gives a client's header with its admin's invitation state", async () => {
    const sub = await top().get({ tenantId: t.clients.sub.tenantId });
    expect(sub).toMatchObject({ name: "甲的客户", owner: { resellerId: t.sub.id, name: t.sub.name }, timeZone: "Asia/Shanghai" });
    expect(sub.invitation).toEqual({ state: "none", expiresAt: null });
    const own = await top().get({ tenantId: t.clients.own.tenantId });
    expect(own.invitation.state).toBe("accepted");
    expect((await refusal(top().get({ tenantId: t.clients.direct.tenantId }))).code).toBe("NOT_FOUND");
  });
});

describe("the clients CSV export", () => {
  const rowsOf = async (res: Response) => {
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    return parse(bytes, { bom: true }) as string[][];
  };

  it("writes the dashboard's rows with Chinese headers, yuan amounts and defused formulas", async () => {
    const res = await downloadClientsCsv(t.users.top, new URLSearchParams(), "zh-CN");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="clients-2026-11-20\.csv"; filename\*=UTF-8''/);
    const [header, ...rows] = await rowsOf(res);
    expect(header).toEqual(["客户名称", "所属经销商", "状态", "套餐", "席位", "余额(元)", "预付至", "余额不足", "问题域名数", "问题域名", "SLA 月份", "SLA 违约项", "管理员邮箱", "邀请待接受", "创建时间"]);
    expect(rows).toHaveLength(4);
    const sub = rows.find((r) => r[0] === "甲的客户")!;
    expect(sub.slice(1, 10)).toEqual([t.sub.name, "正常", expect.any(String), "10", "0.00", "2026-11-30", "是", "2", "mx-wrong.example.com;unverified.example.com"]);
    expect(sub.slice(10, 14)).toEqual(["2026-10", "0", t.clients.sub.adminEmail, "是"]);
    expect(rows.find((r) => r[0] === "自有客户")!.slice(4, 7)).toEqual(["20", "1600.00", "2027-03-31"]);
    expect(rows.find((r) => r[0] === "乙的客户")![2]).toBe("暂停");
    expect(rows.some((r) => r[0] === "'=HYPERLINK(\"http://evil.test\")")).toBe(true);
  });

  it("applies the same filters, in English on request", async () => {
    const res = await downloadClientsCsv(t.users.top, new URLSearchParams({ hasProblems: "1", sort: "name" }), "en");
    const [header, ...rows] = await rowsOf(res);
    expect(header![0]).toBe("Client");
    expect(rows.map((r) => r[0]).sort()).toEqual(["乙的客户", "甲的客户"].sort());
    expect(rows.find((r) => r[0] === "乙的客户")![2]).toBe("suspended");
  });

  it.each([
    ["signed out", () => null, () => ({}), 401],
    ["an operator", () => t.users.operator, () => ({}), 403],
    ["a tenant admin", () => t.users.tenant_admin, () => ({}), 403],
    ["a sibling's owner filter", () => t.users.sub, () => ({ owner: t.siblingSub.id }), 404],
    ["another reseller's owner filter", () => t.users.top, () => ({ owner: t.other.id }), 404],
    ["a bad filter", () => t.users.top, () => ({ status: "deleted" }), 400],
  ])("refuses %s", async (_what, user, params, status) => {
    const res = await downloadClientsCsv(user(), new URLSearchParams(params() as Record<string, string>), "en");
    expect(res.status).toBe(status);
    expect(res.headers.get("content-type")).toContain("application/json");
  });

  it("gives a sub-reseller only its own clients", async () => {
    const [, ...rows] = await rowsOf(await downloadClientsCsv(t.users.sub, new URLSearchParams(), "en"));
    expect(rows.map((r) => r[0])).toEqual(["甲的客户"]);
  });
});
