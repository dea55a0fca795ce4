import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Tenant } from "@/server/generated/prisma/client.ts";
import type { SessionUser } from "@/server/auth/session-user";
import { setClock } from "@/server/shared/clock";
import { operatorUser, resellerUser, createBillingTenant } from "../billing-test-fixtures";
import { createResellerTree } from "@/server/resellers/reseller-tree-fixtures";
import { getStatement } from "./get-statement";
import { fenToYuan, statementCsv, statementFileName } from "./statement-csv";
import { downloadStatement } from "./download-statement";
import { seedStatementScenario, STATEMENT_NOW } from "./statement-test-fixtures";

let tenant: Tenant;
let admin: SessionUser;
let otherAdmin: SessionUser;
let restoreClock: () => void;

beforeAll(async () => {
  tenant = await seedStatementScenario("甲公司 (华东)");
  admin = { id: "admin-a", email: "a@example.test", name: "A", role: "tenant_admin", tenantId: tenant.id, resellerId: null };
  otherAdmin = (await createBillingTenant("Beta Ltd")).admin;
  restoreClock = setClock(STATEMENT_NOW);
});
afterAll(() => restoreClock());

describe("fenToYuan", () => {
  it("writes exact yuan with two decimals", () => {
    expect([0, 5, -5, 100, 123_456, -166_674, 10_000_000_000].map(fenToYuan)).toEqual([
      "0.00", "0.05", "-0.05", "1.00", "1234.56", "-1666.74", "100000000.00",
    ]);
    expect(fenToYuan(9_007_199_254_740_991n)).toBe("90071992547409.91");
  });
});

describe("statementCsv", () => {
  it("writes header, opening line, entries with running balance and closing line (English)", async () => {
    const csv = statementCsv(await getStatement(tenant.id, "2026-11"), "en");
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.slice(1).split("\n")).toEqual([
      "Time (Asia/Shanghai),Kind,Reference,Billing month,Amount (CNY),Balance (CNY),Note",
      "2026-11-01 00:00:00,Opening balance,,2026-11,,20000.00,",
      "2026-11-01 00:05:00,Monthly fee,2026-11,2026-11,-1666.66,18333.34,100 seats × 20000 fen per seat-year",
      // The note begins with "=": escaped so Excel shows it instead of running it; the comma is quoted.
      `2026-11-20 11:00:00,Adjustment,,,12.34,18345.68,"'=1+1, goodwill"`,
      "2026-11-30 23:59:59,SLA credit,SLA-2026-10,,5.00,18350.68,",
      ",Closing balance,,2026-11,,18350.68,",
      "",
    ]);
  });

  it("follows the reader's language in the header and the kinds (zh-CN)", async () => {
    const lines = statementCsv(await getStatement(tenant.id, "2026-12"), "zh-CN").slice(1).split("\n");
    expect(lines).toEqual([
      "时间 (Asia/Shanghai),类型,参考号,账单月份,金额 (元),余额 (元),备注",
      "2026-12-01 00:00:00,期初余额,,2026-12,,18350.68,",
      "2026-12-01 00:30:00,月费,2026-12,2026-12,-1666.74,16683.94,",
      "2026-12-10 14:00:00,退款,,,-100.00,16583.94,Refund of the adjustment",
      ",期末余额,,2026-12,,16583.94,",
      "",
    ]);
  });

  it("writes opening and closing lines for a month without entries", async () => {
    const lines = statementCsv(await getStatement(tenant.id, "2026-09"), "en").slice(1).split("\n");
    expect(lines.slice(1)).toEqual(["2026-09-01 00:00:00,Opening balance,,2026-09,,0.00,", ",Closing balance,,2026-09,,0.00,", ""]);
  });

  it("makes a file name a file system accepts", () => {
    expect(statementFileName("甲公司", "2026-11")).toBe("statement-甲公司-2026-11.csv");
    expect(statementFileName('A/B:"C"', "2026-11")).toBe("statement-A_B_C_-2026-11.csv");
  });
});

describe("GET /api/billing/statements", () => {
  const get = (user: SessionUser | null, query: string) => downloadStatement(user, new URLSearchParams(query), "en");
  const errorOf = async (res: Response) => ((await res.json()) as { error: string }).error;

  it("200: a customer downloads their own month as CSV", async () => {
    const res = await get(admin, "month=2026-11");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="statement-${tenant.id}-2026-11.csv"; ` +
        "filename*=UTF-8''statement-%E7%94%B2%E5%85%AC%E5%8F%B8%20%28%E5%8D%8E%E4%B8%9C%29-2026-11.csv",
    );
    const body = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(body).toBe(statementCsv(await getStatement(tenant.id, "2026-11"), "en"));
    // Naming their own tenant explicitly is fine too.
    expect((await get(admin, `month=2026-11&tenantId=${tenant.id}`)).status).toBe(200);
  });

  it("200: an operator downloads any tenant's month", async () => {
    const res = await get(operatorUser, `month=2026-12&tenantId=${tenant.id}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Closing balance,,2026-12,,16583.94");
  });

  it("404: a customer asking for another tenant's statement sees exactly what an unknown id gives", async () => {
    const other = await get(otherAdmin, `month=2026-11&tenantId=${tenant.id}`);
    const unknown = await get(otherAdmin, "month=2026-11&tenantId=no-such-tenant");
    expect([other.status, unknown.status]).toEqual([404, 404]);
    expect(await errorOf(other)).toBe(await errorOf(unknown));
    expect((await get(operatorUser, "month=2026-11&tenantId=no-such-tenant")).status).toBe(404);
  });

  it("401 without a session, 403 for an admin without a tenant", async () => {
    const anonymous = await get(null, "month=2026-11");
    expect(anonymous.status).toBe(401);
    expect(await errorOf(anonymous)).toBe("Sign in first");
    expect((await get({ ...admin, tenantId: null }, "month=2026-11")).status).toBe(403);
  });

  it("gives a reseller its clients' statements (its sub-resellers' too), and nobody else's", async () => {
    const tree = await createResellerTree("Statements");
    expect((await get(tree.top.staff, `month=2026-11&tenantId=${tree.top.clientId}`)).status).toBe(200);
    expect((await get(tree.top.staff, `month=2026-11&tenantId=${tree.sub.clientId}`)).status).toBe(200);
    for (const [who, tenantId] of [
      [tree.sub.staff, tree.siblingSub.clientId],
      [tree.sub.staff, tree.top.clientId],
      [tree.top.staff, tree.directId],
      [resellerUser, tenant.id],
    ] as const) {
      expect((await get(who, `month=2026-11&tenantId=${tenantId}`)).status).toBe(404);
    }
    expect((await get(tree.top.staff, "month=2026-11")).status).toBe(400);
  });

  it("400 with a clear message for a missing, malformed or future month, or an operator without a tenant", async () => {
    const cases: [SessionUser, string, string][] = [
      [admin, "", "Add the month: ?month=YYYY-MM, e.g. ?month=2026-11"],
      [admin, "month=2026-13", "Write the month as YYYY-MM, e.g. 2026-11"],
      [admin, "month=202611", "Write the month as YYYY-MM, e.g. 2026-11"],
      [admin, "month=2027-01", "There is no statement for 2027-01 yet: the latest is 2026-12, the month in progress"],
      [operatorUser, "month=2026-11", "Choose a tenant: add ?tenantId=<tenant id> to the address"],
    ];
    for (const [user, query, message] of cases) {
      const res = await get(user, query);
      expect(res.status, query).toBe(400);
      expect(await errorOf(res), query).toBe(message);
    }
  });
});
