import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/auth/session-user";
import { operatorUser, resellerUser } from "@/server/billing/billing-test-fixtures";
import { setClock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { describeMatrix, OK, outcome, refusal, type Outcome } from "@/server/test/authz";
import { makeContext } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/root";
import { CLOSE_AT, createPayingTenant, MONTH } from "./close/sla-close-test-fixtures";
import { ZSlaReportRequest } from "./reports/sla-report.types";

// Each procedure of sla.customer and sla.ops × each kind of caller; then a tenant reaches only
// its own SLA whatever it sends, and an operator's unknown ids are NOT_FOUND.
let tenantA: string;
let tenantB: string;
let adminA: SessionUser;
let adminB: SessionUser;
let creditA: string;
let restore: () => void;

async function closedMonth(tenantId: string, status: "met" | "breached") {
  await db.slaMonth.create({ data: { tenantId, month: MONTH, status, availabilityPpm: status === "met" ? 1_000_000 : 998_842, interruptionMinutes: status === "met" ? 0 : 50, breaches: status === "met" ? 0 : 1, figures: { promises: {} }, computedAt: CLOSE_AT } });
}

beforeAll(async () => {
  const a = await createPayingTenant("甲公司");
  const b = await createPayingTenant("乙公司");
  [tenantA, tenantB, adminA, adminB] = [a.tenant.id, b.tenant.id, a.admin, b.admin];
  await closedMonth(tenantA, "breached");
  await closedMonth(tenantB, "met");
  await db.slaBreach.create({ data: { tenantId: tenantA, month: MONTH, promise: "availability", measured: "50 min", target: "≤ 44 min", evidence: {} } });
  creditA = (await db.slaCredit.create({ data: { tenantId: tenantA, month: MONTH, failureMinutes: 50, creditMinutes: 100, monthFee: 30_000n, proposedAmount: 69n, capAmount: 30_000n, currency: "CNY" } })).id;
  restore = setClock(CLOSE_AT);
});
afterAll(() => restore());

type Who = "anonymous" | "tenant_admin" | "reseller" | "operator";
const who = (w: Who): SessionUser | null => (w === "anonymous" ? null : { tenant_admin: adminA, reseller: resellerUser, operator: operatorUser }[w]);
const sla = (user: SessionUser | null) => createCaller(makeContext(user)).sla;

const calls: Record<string, (w: Who) => Promise<unknown>> = {
  "customer.report": (w) => sla(who(w)).customer.report({ month: MONTH }),
  "customer.months": (w) => sla(who(w)).customer.months(),
  "ops.months": (w) => sla(who(w)).ops.months({ month: MONTH }),
  "ops.report": (w) => sla(who(w)).ops.report({ tenantId: tenantA, month: MONTH }),
  "ops.tenantMonths": (w) => sla(who(w)).ops.tenantMonths({ tenantId: tenantA }),
  "ops.credits": (w) => sla(who(w)).ops.credits({}),
  // A rejection needs a reason; the wrong roles are refused before the reason is read.
  "ops.decideCredit": (w) => sla(who(w)).ops.decideCredit({ creditId: "no-such-credit", decision: "reject", reason: "matrix test" }),
  "ops.close": (w) => sla(who(w)).ops.close({ month: "2026-09" }),
};
const operatorOnly: Record<Who, Outcome> = { anonymous: "UNAUTHORIZED", tenant_admin: "FORBIDDEN", reseller: "FORBIDDEN", operator: OK };
const customerOnly: Record<Who, Outcome> = { anonymous: "UNAUTHORIZED", tenant_admin: OK, reseller: "FORBIDDEN", operator: "FORBIDDEN" };
describeMatrix<Who>(
  "sla.customer and sla.ops × roles",
  calls,
  Object.fromEntries(Object.keys(calls).map((name) => [name, name === "ops.decideCredit" ? { ...operatorOnly, operator: "NOT_FOUND" } : name.startsWith("ops.") ? operatorOnly : customerOnly])),
);

describe("a tenant sees only its own SLA", () => {
  it("has no tenant id in the customer's input", () => {
    expect(Object.keys(ZSlaReportRequest.shape)).not.toContain("tenantId");
  });

  it("gets its own report even when smuggling another tenant's id", async () => {
    const smuggled = { month: MONTH, tenantId: tenantA } as { month: string };
    const report = await sla(adminB).customer.report(smuggled);
    expect(report).toMatchObject({ closed: true, tenantId: tenantB, status: "met", breaches: [], credit: null });
    const own = await sla(adminA).customer.report({ month: MONTH });
    expect(own).toMatchObject({ tenantId: tenantA, status: "breached", credit: { id: creditA, status: "proposed", amount: null } });
    expect(await sla(adminB).customer.months()).toContain(MONTH);
  });

  it("a month not closed yet says so", async () => {
    expect(await sla(adminA).customer.report({ month: "2026-08" })).toEqual({ month: "2026-08", closed: false });
  });

  it("another reseller's or tenant's caller cannot decide a credit", async () => {
    for (const user of [adminA, adminB, resellerUser]) {
      expect(await outcome(() => sla(user).ops.decideCredit({ creditId: creditA, decision: "approve" }))).toBe("FORBIDDEN");
    }
    expect(await db.slaCredit.findUniqueOrThrow({ where: { id: creditA } })).toMatchObject({ status: "proposed" });
    expect(await db.ledgerEntry.count({ where: { kind: "sla_credit" } })).toBe(0);
  });
});

describe("operators' ids and months", () => {
  it("an unknown tenant is NOT_FOUND; a malformed month is a clear BAD_REQUEST", async () => {
    expect(await outcome(() => sla(operatorUser).ops.report({ tenantId: "no-such-tenant", month: MONTH }))).toBe("NOT_FOUND");
    expect(await refusal(sla(operatorUser).ops.months({ month: "2026-1" }))).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { month: ["The month must be YYYY-MM, e.g. 2026-11"] } });
    expect(await refusal(sla(adminA).customer.report({ month: "October" }))).toMatchObject({ code: "BAD_REQUEST" });
  });

  it("lists the month worst first", async () => {
    const page = await sla(operatorUser).ops.months({ month: MONTH });
    expect(page.rows.map((r) => [r.tenantName, r.status, r.credit?.status ?? null])).toEqual([
      ["甲公司", "breached", "proposed"],
      ["乙公司", "met", null],
    ]);
    const queue = await sla(operatorUser).ops.credits({});
    expect(queue.rows.map((r) => [r.tenantName, r.promises, r.proposedAmount])).toEqual([["甲公司", ["availability"], 69]]);
  });
});
