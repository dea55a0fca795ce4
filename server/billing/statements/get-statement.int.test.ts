import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Tenant } from "@/server/generated/prisma/client.ts";
import { setClock } from "@/server/shared/clock";
import { DomainError } from "@/server/shared/errors";
import { getBalance } from "../ledger/get-balance";
import { listLedgerEntries } from "../ledger/list-ledger-entries";
import { ZListLedgerEntriesRequest } from "../ledger/list-ledger-entries.types";
import { getStatement, listStatementMonths } from "./get-statement";
import { addEntry, seedStatementScenario, STATEMENT_NOW } from "./statement-test-fixtures";
import { db } from "@/server/shared/db";

let tenant: Tenant;
let restoreClock: () => void;

beforeAll(async () => {
  tenant = await seedStatementScenario();
  // Another tenant's money, at the same instants, must never show up.
  const other = await db.tenant.create({ data: { name: "Other" } });
  await addEntry(other.id, "payment", 999_999, "2026-11-20T03:00:00Z");
  restoreClock = setClock(STATEMENT_NOW);
});
afterAll(() => restoreClock());

const zero = { payment: 0, monthly_charge: 0, refund: 0, sla_credit: 0, adjustment: 0 };

describe("getStatement (Asia/Shanghai)", () => {
  it("October: the payment only", async () => {
    const s = await getStatement(tenant.id, "2026-10");
    expect(s).toMatchObject({ openingBalance: 0, closingBalance: 2_000_000, totals: { ...zero, payment: 2_000_000 } });
    expect(s.entries.map((e) => e.amount)).toEqual([2_000_000]);
  });

  it("November: opening, entries up to the last Shanghai millisecond, closing, running balances and totals", async () => {
    const s = await getStatement(tenant.id, "2026-11");
    expect(s.periodStart.toISOString()).toBe("2026-10-31T16:00:00.000Z");
    expect(s.periodEnd.toISOString()).toBe("2026-11-30T16:00:00.000Z");
    expect(s.openingBalance).toBe(2_000_000);
    expect(s.entries.map((e) => [e.kind, e.amount, e.balanceAfter])).toEqual([
      ["monthly_charge", -166_666, 1_833_334],
      ["adjustment", 1_234, 1_834_568],
      ["sla_credit", 500, 1_835_068],
    ]);
    expect(s.closingBalance).toBe(1_835_068);
    expect(s.totals).toEqual({ ...zero, monthly_charge: -166_666, adjustment: 1_234, sla_credit: 500 });
    expect(s).toMatchObject({ tenantId: tenant.id, tenantName: "甲公司", timeZone: "Asia/Shanghai", month: "2026-11", currency: "CNY" });
  });

  it("December: the charge at 2026-11-30T16:30Z (00:30 on 1 December in Shanghai) belongs here", async () => {
    const s = await getStatement(tenant.id, "2026-12");
    expect(s.openingBalance).toBe(1_835_068);
    expect(s.entries.map((e) => [e.occurredAt.toISOString(), e.amount, e.balanceAfter])).toEqual([
      ["2026-11-30T16:30:00.000Z", -166_674, 1_668_394],
      ["2026-12-10T06:00:00.000Z", -10_000, 1_658_394],
    ]);
    expect(s.closingBalance).toBe(1_658_394);
    expect(s.closingBalance).toBe(await getBalance(tenant.id));
  });

  it("chains: each month opens with the previous closing, and opening + entries = closing", async () => {
    let previousClosing = 0;
    for (const month of ["2026-09", "2026-10", "2026-11", "2026-12"]) {
      const s = await getStatement(tenant.id, month);
      expect(s.openingBalance, month).toBe(previousClosing);
      expect(s.openingBalance + s.entries.reduce((sum, e) => sum + e.amount, 0), month).toBe(s.closingBalance);
      expect(Object.values(s.totals).reduce((a, b) => a + b, 0), month).toBe(s.closingBalance - s.openingBalance);
      previousClosing = s.closingBalance;
    }
  });

  it("uses the tenant's own zone: for a UTC tenant the same instant is still November", async () => {
    const london = await db.tenant.create({ data: { name: "UTC Ltd", timeZone: "UTC" } });
    await addEntry(london.id, "payment", 100, "2026-11-30T16:30:00Z");
    expect((await getStatement(london.id, "2026-11")).entries).toHaveLength(1);
    expect((await getStatement(london.id, "2026-12")).entries).toHaveLength(0);
  });

  it("refuses a month that has not begun, and an unknown tenant", async () => {
    await expect(getStatement(tenant.id, "2027-01")).rejects.toMatchObject({
      code: "BAD_INPUT",
      message: "There is no statement for 2027-01 yet: the latest is 2026-12, the month in progress",
    });
    await expect(getStatement("no-such-tenant", "2026-11")).rejects.toBeInstanceOf(DomainError);
    await expect(getStatement("no-such-tenant", "2026-11")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("listStatementMonths", () => {
  it("lists the months from the first entry to the month in progress, newest first", async () => {
    expect(await listStatementMonths(tenant.id)).toEqual(["2026-12", "2026-11", "2026-10"]);
  });

  it("lists the month in progress alone for a tenant without entries", async () => {
    const empty = await db.tenant.create({ data: { name: "Empty" } });
    expect(await listStatementMonths(empty.id)).toEqual(["2026-12"]);
  });
});

describe("listLedgerEntries", () => {
  const list = (input: Record<string, unknown>) => listLedgerEntries(tenant.id, ZListLedgerEntriesRequest.parse(input));

  it("pages the tenant's entries newest first", async () => {
    const first = await list({ pageSize: 4 });
    expect(first.total).toBe(6);
    expect(first.rows.map((r) => r.amount)).toEqual([-10_000, -166_674, 500, 1_234]);
    const second = await list({ page: 2, pageSize: 4 });
    expect(second.rows.map((r) => r.amount)).toEqual([-166_666, 2_000_000]);
    expect(first.rows[0]).not.toHaveProperty("idempotencyKey");
    expect(first.timeZone).toBe("Asia/Shanghai");
  });

  it("filters by kind and by calendar month of the tenant's zone", async () => {
    expect((await list({ kind: "monthly_charge" })).rows.map((r) => r.billingMonth)).toEqual(["2026-12", "2026-11"]);
    expect((await list({ month: "2026-11" })).rows.map((r) => r.kind)).toEqual(["sla_credit", "adjustment", "monthly_charge"]);
    expect((await list({ month: "2026-12", kind: "monthly_charge" })).rows.map((r) => r.amount)).toEqual([-166_674]);
    expect((await list({ month: "2026-08" })).total).toBe(0);
  });

  it("refuses malformed filters with clear messages", () => {
    for (const [input, message] of [
      [{ month: "2026-13" }, "Write the month as YYYY-MM, e.g. 2026-11"],
      [{ month: "11/2026" }, "Write the month as YYYY-MM, e.g. 2026-11"],
      [{ kind: "bonus" }, "The kind must be one of payment, monthly_charge, refund, sla_credit, adjustment"],
      [{ page: 0 }, "Pages start at 1"],
      [{ pageSize: 101 }, "At most 100 rows per page"],
      [{ page: 1.5 }, "The page must be a whole number"],
    ] as const) {
      const parsed = ZListLedgerEntriesRequest.safeParse(input);
      expect(parsed.success, JSON.stringify(input)).toBe(false);
      expect(parsed.error?.issues[0]?.message).toBe(message);
    }
  });
});
