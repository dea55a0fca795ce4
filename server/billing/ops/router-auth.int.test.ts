import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import type { SessionUser } from "@/server/auth/session-user";
import { setClock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { describeMatrix, OK, outcome, type Outcome } from "@/server/test/authz";
import { createBillingTenant, operatorUser, resellerUser } from "../billing-test-fixtures";
import { ZListLedgerEntriesRequest } from "../ledger/list-ledger-entries.types";
import { ZStatementRequest } from "../statements/get-statement.types";
import { addEntry, callerFor, refusal, seedStatementScenario, STATEMENT_NOW } from "../statements/statement-test-fixtures";

// Each procedure of billing.ops and billing.statements × each kind of caller, then the
// cross-tenant cases: a customer's procedures take no tenant id, an operator's unknown id is NOT_FOUND.
let tenantA: string;
let adminA: SessionUser;
let adminB: SessionUser;
let restoreClock: () => void;

beforeAll(async () => {
  tenantA = (await seedStatementScenario("Alpha")).id;
  adminA = { id: "admin-a", email: "a@example.test", name: "A", role: "tenant_admin", tenantId: tenantA, resellerId: null };
  const b = await createBillingTenant("Beta");
  adminB = b.admin;
  await addEntry(b.tenant.id, "payment", 4_242, "2026-11-05T02:00:00Z");
  restoreClock = setClock(STATEMENT_NOW);
});
afterAll(() => restoreClock());

type Who = "anonymous" | "tenant_admin" | "reseller" | "operator";
const who = (w: Who): SessionUser | null => (w === "anonymous" ? null : { tenant_admin: adminA, reseller: resellerUser, operator: operatorUser }[w]);

const calls: Record<string, (w: Who) => Promise<unknown>> = {
  "ops.summary": (w) => callerFor(who(w)).ops.summary(),
  "ops.balances": (w) => callerFor(who(w)).ops.balances({}),
  "ops.overdue": (w) => callerFor(who(w)).ops.overdue({}),
  "ops.ledger": (w) => callerFor(who(w)).ops.ledger({ tenantId: tenantA }),
  "ops.statement": (w) => callerFor(who(w)).ops.statement({ tenantId: tenantA, month: "2026-11" }),
  "ops.months": (w) => callerFor(who(w)).ops.months({ tenantId: tenantA }),
  "ops.adjust": (w) => callerFor(who(w)).ops.adjust({ tenantId: tenantA, amount: 1, reason: "matrix test", idempotencyKey: randomUUID() }),
  "statements.ledger": (w) => callerFor(who(w)).statements.ledger({}),
  "statements.statement": (w) => callerFor(who(w)).statements.statement({ month: "2026-11" }),
  "statements.months": (w) => callerFor(who(w)).statements.months(),
};

const operatorOnly: Record<Who, Outcome> = { anonymous: "UNAUTHORIZED", tenant_admin: "FORBIDDEN", reseller: "FORBIDDEN", operator: OK };
const customerOnly: Record<Who, Outcome> = { anonymous: "UNAUTHORIZED", tenant_admin: OK, reseller: "FORBIDDEN", operator: "FORBIDDEN" };

describeMatrix<Who>(
  "billing.ops and billing.statements × roles",
  calls,
  Object.fromEntries(Object.keys(calls).map((name) => [name, name.startsWith("ops.") ? operatorOnly : customerOnly])),
);

describe("refused callers", () => {
  it("write nothing to the ledger", async () => {
    const before = await db.ledgerEntry.count();
    for (const w of ["anonymous", "tenant_admin", "reseller"] as const) await outcome(() => calls["ops.adjust"]!(w));
    expect(await db.ledgerEntry.count()).toBe(before);
  });
});

describe("a customer reaches only their own tenant", () => {
  it("has no tenant id in any input", () => {
    expect(Object.keys(ZListLedgerEntriesRequest.shape)).not.toContain("tenantId");
    expect(Object.keys(ZStatementRequest.shape)).not.toContain("tenantId");
  });

  it("gets their own ledger and statement even when smuggling another tenant's id", async () => {
    const smuggled = { tenantId: tenantA } as Record<string, unknown>;
    const ledger = await callerFor(adminB).statements.ledger(smuggled);
    expect(ledger.rows.map((r) => r.amount)).toEqual([4_242]);
    const statement = await callerFor(adminB).statements.statement({ month: "2026-11", ...smuggled });
    expect(statement).toMatchObject({ tenantName: "Beta", openingBalance: 0, closingBalance: 4_242 });
    expect(await callerFor(adminB).statements.months()).toEqual(["2026-12", "2026-11"]);
    expect((await callerFor(adminA).statements.statement({ month: "2026-11" })).closingBalance).toBe(1_835_068);
  });

  it("gets a clear BAD_REQUEST for a malformed or future month", async () => {
    expect(await refusal(callerFor(adminA).statements.statement({ month: "2026-1" }))).toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { month: ["Write the month as YYYY-MM, e.g. 2026-11"] },
    });
    expect(await refusal(callerFor(adminA).statements.statement({ month: "2027-02" }))).toMatchObject({
      code: "BAD_REQUEST",
      message: "There is no statement for 2027-02 yet: the latest is 2026-12, the month in progress",
    });
  });
});

describe("an operator naming a tenant that does not exist", () => {
  for (const [name, call] of Object.entries({
    ledger: () => callerFor(operatorUser).ops.ledger({ tenantId: "no-such-tenant" }),
    statement: () => callerFor(operatorUser).ops.statement({ tenantId: "no-such-tenant", month: "2026-11" }),
    months: () => callerFor(operatorUser).ops.months({ tenantId: "no-such-tenant" }),
    adjust: () => callerFor(operatorUser).ops.adjust({ tenantId: "no-such-tenant", amount: 100, reason: "unknown tenant", idempotencyKey: randomUUID() }),
  })) {
    it(`ops.${name} → NOT_FOUND`, async () => {
      expect(await refusal(call())).toMatchObject({ code: "NOT_FOUND", message: "Tenant not found" });
    });
  }

  it("ops.ledger and ops.statement need a tenant id", async () => {
    expect((await refusal(callerFor(operatorUser).ops.ledger({} as { tenantId: string }))).fieldErrors).toEqual({ tenantId: ["Choose a tenant"] });
    expect((await refusal(callerFor(operatorUser).ops.statement({ tenantId: " ", month: "2026-11" }))).fieldErrors).toEqual({ tenantId: ["Choose a tenant"] });
  });
});
