import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/auth/session-user";
import { createCaller } from "@/server/trpc/root";
import { makeContext } from "@/server/trpc/context";
import { describeMatrix, OK, type Outcome } from "@/server/test/authz";
import { createOrder } from "@/server/billing/orders/create-order";
import { confirmBankTransfer } from "@/server/billing/orders/confirm-bank-transfer";
import { createPlan, operatorActor, operatorUser, requestId } from "@/server/billing/billing-test-fixtures";
import { recordResellerAdjustment } from "./record-reseller-adjustment";
import { createClient, createReseller, type ResellerFixture } from "./reseller-account-test-fixtures";

// resellers.account and resellers.accountsOps × every kind of caller, and paying on a reseller
// account through the client's own billing procedures (clientProcedure, x-acting-tenant).
// The tree: top → sub, top → sibling (sub's sibling); other is an unrelated top reseller.
type Who = "anonymous" | "operator" | "top" | "sub" | "sibling" | "other" | "tenantAdmin";
let r: Record<"top" | "sub" | "sibling" | "other" | "target", ResellerFixture>;
let users: Record<Who, SessionUser | null>;
let planId: string;
let subClientId: string;
let topActiveClientId: string;

async function activeClient(resellerId: string | null) {
  const c = await createClient(resellerId);
  const o = await createOrder(c.actor, c.tenant.id, { planId, seats: 10, termYears: 1, startRule: "on_payment", method: "bank_transfer", idempotencyKey: requestId() });
  await confirmBankTransfer(operatorActor, { reference: o.reference, amount: o.amount });
  return c;
}

beforeAll(async () => {
  planId = (await createPlan(20_000)).id;
  const top = await createReseller("Top", { discountBps: 1500, creditLimit: 100_000_000 });
  r = {
    top,
    sub: await createReseller("Sub", { parentId: top.id, discountBps: 1000, creditLimit: 100_000_000 }),
    sibling: await createReseller("Sibling", { parentId: top.id, creditLimit: 100_000_000 }),
    other: await createReseller("Other", { creditLimit: 100_000_000 }),
    target: await createReseller("Ops target"),
  };
  subClientId = (await createClient(r.sub.id)).tenant.id;
  topActiveClientId = (await activeClient(top.id)).tenant.id;
  const admin = (await createClient(top.id)).admin;
  users = { anonymous: null, operator: operatorUser, top: top.user, sub: r.sub.user, sibling: r.sibling.user, other: r.other.user, tenantAdmin: admin };
});

const call = (w: Who, acting: string | null = null) => createCaller(makeContext(users[w], "127.0.0.1", "en", acting));

const resellersOnly = (o: Partial<Record<Who, Outcome>> = {}): Record<Who, Outcome> => ({
  anonymous: "UNAUTHORIZED",
  operator: "FORBIDDEN",
  top: OK,
  sub: OK,
  sibling: OK,
  other: OK,
  tenantAdmin: "FORBIDDEN",
  ...o,
});
const operatorsOnly = (operator: Outcome = OK): Record<Who, Outcome> => ({
  anonymous: "UNAUTHORIZED",
  operator,
  top: "FORBIDDEN",
  sub: "FORBIDDEN",
  sibling: "FORBIDDEN",
  other: "FORBIDDEN",
  tenantAdmin: "FORBIDDEN",
});

describeMatrix<Who>(
  "resellers.account authorisation",
  {
    summary: (w) => call(w).resellers.account.summary(),
    ledger: (w) => call(w).resellers.account.ledger({ page: 1, pageSize: 20 }),
    statement: (w) => call(w).resellers.account.statement({ month: "2026-01" }),
    statementMonths: (w) => call(w).resellers.account.statementMonths(),
    myPrices: (w) => call(w).resellers.account.myPrices(),
    quoteOwn: (w) => call(w).resellers.account.quote({ planId, seats: 10, termYears: 1 }),
    // A named client goes through the tree: the sub-reseller's client is the top's and the sub's.
    quoteSubClient: (w) => call(w).resellers.account.quote({ tenantId: subClientId, planId, seats: 10, termYears: 1 }),
    quoteTopUpTopClient: (w) => call(w).resellers.account.quoteTopUp({ tenantId: topActiveClientId, amount: 20_000 }),
  },
  {
    summary: resellersOnly(),
    ledger: resellersOnly(),
    statement: resellersOnly(),
    statementMonths: resellersOnly(),
    myPrices: resellersOnly(),
    quoteOwn: resellersOnly(),
    quoteSubClient: resellersOnly({ sibling: "NOT_FOUND", other: "NOT_FOUND" }),
    quoteTopUpTopClient: resellersOnly({ sub: "NOT_FOUND", sibling: "NOT_FOUND", other: "NOT_FOUND" }),
  },
);

const ops = (w: Who) => call(w).resellers.accountsOps;
describeMatrix<Who>(
  "resellers.accountsOps authorisation",
  {
    summary: (w) => ops(w).summary({ resellerId: r.target.id }),
    subSummary: (w) => ops(w).summary({ resellerId: r.sub.id }),
    unknownSummary: (w) => ops(w).summary({ resellerId: "no-such-reseller" }),
    ledger: (w) => ops(w).ledger({ resellerId: r.sub.id, page: 1, pageSize: 20 }),
    statement: (w) => ops(w).statement({ resellerId: r.target.id, month: "2026-01" }),
    statementMonths: (w) => ops(w).statementMonths({ resellerId: r.target.id }),
    pricing: (w) => ops(w).pricing({ resellerId: r.target.id }),
    setPricing: (w) => ops(w).setPricing({ resellerId: r.target.id, discountBps: 1000, prices: [{ planId, pricePerSeatYear: 18_000 }] }),
    setCreditLimit: (w) => ops(w).setCreditLimit({ resellerId: r.target.id, creditLimit: 1_000_000 }),
    recordPayment: (w) => ops(w).recordPayment({ resellerId: r.target.id, amount: 100, reference: "BANK-1", idempotencyKey: requestId() }),
    recordAdjustment: (w) => ops(w).recordAdjustment({ resellerId: r.target.id, amount: -100, reason: "Test correction", idempotencyKey: requestId() }),
    unknownPayment: (w) => ops(w).recordPayment({ resellerId: "no-such-reseller", amount: 100, reference: "BANK-1", idempotencyKey: requestId() }),
  },
  {
    summary: operatorsOnly(),
    subSummary: operatorsOnly(),
    unknownSummary: operatorsOnly("NOT_FOUND"),
    ledger: operatorsOnly(),
    statement: operatorsOnly(),
    statementMonths: operatorsOnly(),
    pricing: operatorsOnly(),
    setPricing: operatorsOnly(),
    setCreditLimit: operatorsOnly(),
    recordPayment: operatorsOnly(),
    recordAdjustment: operatorsOnly(),
    unknownPayment: operatorsOnly("NOT_FOUND"),
  },
);

// Paying on account through the client's billing: a reseller acting (makeContext's acting
// tenant) for its own client pays, and so does a sub-reseller for its own; a parent reaches its
// sub-reseller's client but may not spend the sub's account (BAD_INPUT on the method); a sibling's
// client, another reseller's and a direct tenant are NOT_FOUND; the client's own admin may not
// choose the reseller account.
type Case = "ownClient" | "subOwnClient" | "subClient" | "siblingClient" | "otherClient" | "directTenant" | "tenantAdmin";
const fresh = async (c: Case, active: boolean): Promise<{ user: SessionUser; tenantId: string }> => {
  const make = (id: string | null) => (active ? activeClient(id) : createClient(id));
  switch (c) {
    case "ownClient":
      return { user: r.top.user, tenantId: (await make(r.top.id)).tenant.id };
    case "subOwnClient":
      return { user: r.sub.user, tenantId: (await make(r.sub.id)).tenant.id };
    case "subClient":
      return { user: r.top.user, tenantId: (await make(r.sub.id)).tenant.id };
    case "siblingClient":
      return { user: r.sub.user, tenantId: (await make(r.sibling.id)).tenant.id };
    case "otherClient":
      return { user: r.top.user, tenantId: (await make(r.other.id)).tenant.id };
    case "directTenant":
      return { user: r.top.user, tenantId: (await make(null)).tenant.id };
    case "tenantAdmin": {
      const t = await make(r.top.id);
      return { user: t.admin, tenantId: t.tenant.id };
    }
  }
};
const actingCall = ({ user, tenantId }: { user: SessionUser; tenantId: string }) =>
  createCaller(makeContext(user, "127.0.0.1", "en", user.role === "reseller" ? tenantId : null)).billing.account;

describeMatrix<Case>(
  "paying on a reseller account through clientProcedure",
  {
    createOrder: async (c) =>
      actingCall(await fresh(c, false)).createOrder({ planId, seats: 10, termYears: 1, method: "reseller_account", idempotencyKey: requestId() }),
    createTopUp: async (c) => actingCall(await fresh(c, true)).createTopUp({ amount: 20_000, method: "reseller_account", idempotencyKey: requestId() }),
  },
  Object.fromEntries(
    ["createOrder", "createTopUp"].map((p) => [
      p,
      { ownClient: OK, subOwnClient: OK, subClient: "BAD_REQUEST", siblingClient: "NOT_FOUND", otherClient: "NOT_FOUND", directTenant: "NOT_FOUND", tenantAdmin: "BAD_REQUEST" } satisfies Record<Case, Outcome>,
    ]),
  ),
);

describe("whose books a reseller reads", () => {
  it("a parent's ledger holds its own entries only, never its sub-reseller's", async () => {
    await recordResellerAdjustment(operatorActor, { resellerId: r.sub.id, amount: 777, reason: "Sub's own entry", idempotencyKey: requestId() });
    const topRows = (await call("top").resellers.account.ledger({ page: 1, pageSize: 100 })).rows;
    expect(topRows.every((row) => row.amount !== 777)).toBe(true);
    const subRows = (await call("sub").resellers.account.ledger({ page: 1, pageSize: 100 })).rows;
    expect(subRows.some((row) => row.amount === 777)).toBe(true);
  });
});
