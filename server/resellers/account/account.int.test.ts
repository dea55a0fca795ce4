import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { setClock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { createOrder } from "@/server/billing/orders/create-order";
import { confirmBankTransfer } from "@/server/billing/orders/confirm-bank-transfer";
import { createPlan, operatorActor, requestId } from "@/server/billing/billing-test-fixtures";
import { getAccountSummary } from "./get-account-summary";
import { getResellerStatement } from "./get-reseller-statement";
import { resellerStatementCsv } from "./reseller-statement-csv";
import { listResellerLedger } from "./list-reseller-ledger";
import { listPrices } from "./list-prices";
import { quoteOrder } from "./quote-order";
import { recordResellerPayment } from "./record-reseller-payment";
import { recordResellerAdjustment } from "./record-reseller-adjustment";
import { setPricing } from "./set-pricing";
import { setCreditLimit } from "./set-credit-limit";
import { createClient, createReseller, resellerWriteCounts } from "./reseller-account-test-fixtures";

let plan: Awaited<ReturnType<typeof createPlan>>;
let restore: (() => void) | undefined;
beforeAll(async () => {
  plan = await createPlan(20_000);
});
afterEach(() => restore?.());

const at = (iso: string) => {
  restore?.();
  restore = setClock(new Date(iso));
};

describe("statement and summary", () => {
  it("opening + entries = closing, with what clients paid, what it owes and its margin (Asia/Shanghai months)", async () => {
    const reseller = await createReseller("Books", { discountBps: 1500, creditLimit: 10_000_000 });
    const a = await createClient(reseller.id, "甲公司");
    const b = await createClient(reseller.id, "乙公司");
    at("2026-10-20T04:00:00Z");
    await createOrder(reseller.actor, a.tenant.id, { planId: plan.id, seats: 10, termYears: 1, startRule: "on_payment", method: "reseller_account", idempotencyKey: requestId() });
    // 2026-10-31 16:30 UTC is 2026-11-01 00:30 in Shanghai: November's.
    at("2026-10-31T16:30:00Z");
    const byTransfer = await createOrder(b.actor, b.tenant.id, { planId: plan.id, seats: 100, termYears: 1, startRule: "on_payment", method: "bank_transfer", idempotencyKey: requestId() });
    await confirmBankTransfer(operatorActor, { reference: byTransfer.reference, amount: 2_000_000 });
    at("2026-11-10T02:00:00Z");
    await recordResellerPayment(operatorActor, { resellerId: reseller.id, amount: 100_000, reference: "BANK-1", idempotencyKey: requestId() });
    await recordResellerAdjustment(operatorActor, { resellerId: reseller.id, amount: -5_000, reason: "Bank fee passed on", idempotencyKey: requestId() });
    at("2026-11-20T02:00:00Z");

    const oct = await getResellerStatement(reseller.id, "2026-10");
    expect(oct).toMatchObject({ openingBalance: 0, closingBalance: -170_000, closingOwed: 170_000 });
    expect(oct.totals).toMatchObject({ clientPaid: 200_000, wholesale: 170_000, margin: 30_000, charged: 170_000 });
    const nov = await getResellerStatement(reseller.id, "2026-11");
    expect(nov.openingBalance).toBe(oct.closingBalance);
    expect(nov.entries.map((e) => [e.kind, e.amount, e.tenantName])).toEqual([
      ["margin_credit", 300_000, "乙公司"],
      ["payment", 100_000, null],
      ["adjustment", -5_000, null],
    ]);
    expect(nov.closingBalance).toBe(-170_000 + 300_000 + 100_000 - 5_000);
    expect(nov.totals).toEqual({ clientPaid: 2_000_000, wholesale: 1_700_000, margin: 300_000, charged: 0, credited: 300_000, paid: 100_000, adjustments: -5_000 });
    await expect(getResellerStatement(reseller.id, "2026-12")).rejects.toMatchObject({ code: "BAD_INPUT" });

    const csv = resellerStatementCsv(nov, "zh-CN");
    expect(csv).toContain("利润入账");
    expect(csv).toContain("乙公司");
    expect(csv).toContain("3000.00");

    const summary = await getAccountSummary(reseller.id);
    // A balance in the reseller's favour adds to what it may spend on account.
    expect(summary).toMatchObject({ balance: 225_000, owed: 0, creditLimit: 10_000_000, available: 10_225_000, month: "2026-11" });
    expect(summary.thisMonth).toMatchObject({ clientPaid: 2_000_000, margin: 300_000 });
    expect(summary.history).toHaveLength(12);
    expect(summary.history.find((h) => h.month === "2026-10")).toMatchObject({ wholesale: 170_000 });

    const page = await listResellerLedger(reseller.id, { page: 1, pageSize: 20, tenantId: a.tenant.id });
    expect(page.rows.map((r) => r.kind)).toEqual(["wholesale_charge"]);
    expect((await listResellerLedger(reseller.id, { page: 1, pageSize: 20, kind: "payment" })).total).toBe(1);
    expect((await listResellerLedger(reseller.id, { page: 1, pageSize: 20, month: "2026-10" })).total).toBe(1);
  });
});

describe("pricing and credit limit (operators)", () => {
  it("sets a discount and per-plan prices with before/after in the audit, and the quote follows", async () => {
    const reseller = await createReseller("Priced", { creditLimit: 1_000_000 });
    await setPricing(operatorActor, { resellerId: reseller.id, discountBps: 2000, prices: [] });
    let row = (await listPrices(reseller.id)).rows.find((r) => r.planId === plan.id)!;
    expect(row).toMatchObject({ listPricePerSeatYear: 20_000, wholesalePricePerSeatYear: 16_000, marginPerSeatYear: 4_000, override: null });
    await setPricing(operatorActor, { resellerId: reseller.id, discountBps: 2000, prices: [{ planId: plan.id, pricePerSeatYear: 15_000 }] });
    row = (await listPrices(reseller.id)).rows.find((r) => r.planId === plan.id)!;
    expect(row).toMatchObject({ wholesalePricePerSeatYear: 15_000, override: 15_000 });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "resellers.pricing.set", targetId: reseller.id }, orderBy: { id: "desc" } });
    expect(audit.details).toMatchObject({ before: { discountBps: 2000, prices: [] }, after: { discountBps: 2000, prices: [{ planId: plan.id, pricePerSeatYear: 15_000 }] } });
    const quote = await quoteOrder(reseller.id, { planId: plan.id, seats: 10, termYears: 2 });
    expect(quote).toMatchObject({ clientAmount: 400_000, wholesale: 300_000, margin: 100_000, available: 1_000_000, fits: true });
    await setPricing(operatorActor, { resellerId: reseller.id, discountBps: 2000, prices: [{ planId: plan.id, pricePerSeatYear: null }] });
    expect((await listPrices(reseller.id)).rows.find((r) => r.planId === plan.id)!.override).toBeNull();
  });

  it("refuses an override above the list, a discount outside 0–100 %, an unknown plan and an unknown reseller, writing nothing", async () => {
    const reseller = await createReseller("Strict", { discountBps: 1000 });
    const audits = () => db.auditEvent.count({ where: { targetId: reseller.id } });
    const before = await audits();
    await expect(setPricing(operatorActor, { resellerId: reseller.id, discountBps: 0, prices: [{ planId: plan.id, pricePerSeatYear: 20_001 }] })).rejects.toMatchObject({
      code: "BAD_INPUT",
      fieldErrors: { "prices.0.pricePerSeatYear": [expect.stringMatching(/above the list price/)] },
    });
    await expect(setPricing(operatorActor, { resellerId: reseller.id, discountBps: 10_001, prices: [] })).rejects.toMatchObject({ code: "BAD_INPUT" });
    await expect(setPricing(operatorActor, { resellerId: reseller.id, discountBps: 100, prices: [{ planId: "nope", pricePerSeatYear: 1 }] })).rejects.toMatchObject({ code: "BAD_INPUT" });
    await expect(setPricing(operatorActor, { resellerId: "nope", discountBps: 100, prices: [] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(setCreditLimit(operatorActor, { resellerId: reseller.id, creditLimit: -1 })).rejects.toMatchObject({ code: "BAD_INPUT" });
    expect(await audits()).toBe(before);
    expect(await db.reseller.findUniqueOrThrow({ where: { id: reseller.id } })).toMatchObject({ discountBps: 1000, creditLimit: 0n });
    await setCreditLimit(operatorActor, { resellerId: reseller.id, creditLimit: 5_000_000 });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "resellers.credit_limit.set", targetId: reseller.id } });
    expect(audit.details).toEqual({ before: 0, after: 5_000_000 });
  });
});

describe("payments and adjustments (operators)", () => {
  it("are written once per request id, audited, and refuse bad amounts", async () => {
    const reseller = await createReseller("Payer");
    const key = requestId();
    const input = { resellerId: reseller.id, amount: 50_000, reference: "HSBC-778", idempotencyKey: key };
    const [one, two] = await Promise.all([recordResellerPayment(operatorActor, input), recordResellerPayment(operatorActor, input)]);
    expect([one.created, two.created].sort()).toEqual([false, true]);
    expect(one.balance).toBe(50_000);
    await expect(recordResellerPayment(operatorActor, { ...input, amount: 60_000 })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.auditEvent.count({ where: { action: "resellers.account.payment", targetId: reseller.id } })).toBe(1);
    const before = await resellerWriteCounts();
    await expect(recordResellerPayment(operatorActor, { ...input, amount: 0, idempotencyKey: requestId() })).rejects.toMatchObject({ code: "BAD_INPUT" });
    await expect(recordResellerPayment(operatorActor, { ...input, amount: 1.5, idempotencyKey: requestId() })).rejects.toMatchObject({ code: "BAD_INPUT" });
    await expect(recordResellerAdjustment(operatorActor, { resellerId: reseller.id, amount: 0, reason: "Nothing at all", idempotencyKey: requestId() })).rejects.toMatchObject({ code: "BAD_INPUT" });
    await expect(recordResellerAdjustment(operatorActor, { resellerId: reseller.id, amount: 5, reason: "no", idempotencyKey: requestId() })).rejects.toMatchObject({ code: "BAD_INPUT" });
    await expect(recordResellerPayment(operatorActor, { ...input, resellerId: "nope", idempotencyKey: requestId() })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await resellerWriteCounts()).toEqual(before);
  });
});

describe("statement CSV download", () => {
  it("gives a reseller its own statement only, an operator any, and nobody else", async () => {
    const { downloadResellerStatement } = await import("./download-reseller-statement");
    const { operatorUser } = await import("@/server/billing/billing-test-fixtures");
    const mine = await createReseller("Mine");
    const theirs = await createReseller("Theirs");
    const admin = (await createClient(mine.id)).admin;
    at("2026-11-20T02:00:00Z");
    const get = (user: Parameters<typeof downloadResellerStatement>[0], q: string) => downloadResellerStatement(user, new URLSearchParams(q), "en");
    const own = await get(mine.user, "month=2026-11");
    expect(own.status).toBe(200);
    expect(own.headers.get("content-type")).toMatch(/text\/csv/);
    expect(await own.text()).toContain("Opening balance");
    expect((await get(mine.user, `month=2026-11&resellerId=${theirs.id}`)).status).toBe(404);
    expect((await get(operatorUser, `month=2026-11&resellerId=${theirs.id}`)).status).toBe(200);
    expect((await get(operatorUser, "month=2026-11&resellerId=nope")).status).toBe(404);
    expect((await get(admin, "month=2026-11")).status).toBe(403);
    expect((await get(null, "month=2026-11")).status).toBe(401);
    expect((await get(mine.user, "month=2026-13")).status).toBe(400);
  });
});
