import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/shared/db";
import { DomainError } from "@/server/shared/errors";
import { createOrder } from "@/server/billing/orders/create-order";
import { createTopUp } from "@/server/billing/orders/create-top-up";
import { createPlan, operatorActor, requestId } from "@/server/billing/billing-test-fixtures";
import { recordResellerAdjustment } from "./record-reseller-adjustment";
import { appendResellerEntry } from "./reseller-ledger";
import { getAccountSummary } from "./get-account-summary";
import { quoteOrder } from "./quote-order";
import { createClient, createReseller, entriesOf, resellerWriteCounts } from "./reseller-account-test-fixtures";

// Who may pay on a reseller's account, and how much: the review's findings (a positive balance
// is credit, a parent cannot spend its sub-reseller's account, a parent's suspension covers its
// subs, one currency, a retried request id with another method is another request).

let plan: Awaited<ReturnType<typeof createPlan>>;
beforeAll(async () => {
  plan = await createPlan(20_000); // ¥200 per seat-year
});

type Actor = Parameters<typeof createOrder>[0];
type Method = "bank_transfer" | "reseller_account";
const order = (actor: Actor, tenantId: string, seats: number, method: Method = "reseller_account", idempotencyKey = requestId()) =>
  createOrder(actor, tenantId, { planId: plan.id, seats, termYears: 1, startRule: "on_payment", method, idempotencyKey });

async function refusal(call: Promise<unknown>): Promise<DomainError> {
  const e = await call.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(DomainError);
  return e as DomainError;
}

describe("the credit check counts the reseller's balance", () => {
  it("a prepaid reseller (balance +¥5,000, no credit limit) can order ¥3,000, and the quote and summary agree", async () => {
    const reseller = await createReseller("Prepaid", { discountBps: 2500, creditLimit: 0 });
    await recordResellerAdjustment(operatorActor, { resellerId: reseller.id, amount: 500_000, reason: "Prepayment received", idempotencyKey: requestId() });
    const { tenant } = await createClient(reseller.id);
    const quote = await quoteOrder(reseller.id, { tenantId: tenant.id, planId: plan.id, seats: 20, termYears: 1 });
    expect(quote).toMatchObject({ wholesale: 300_000, balance: 500_000, owed: 0, available: 500_000, fits: true, allowed: true, reason: null });
    expect(await getAccountSummary(reseller.id)).toMatchObject({ balance: 500_000, owed: 0, creditLimit: 0, available: 500_000 });
    await expect(order(reseller.actor, tenant.id, 20)).resolves.toMatchObject({ status: "paid" });
    expect(await getAccountSummary(reseller.id)).toMatchObject({ balance: 200_000, available: 200_000 });
    // ¥2,000 left in credit: a second ¥3,000 order is refused with the figures.
    const { tenant: other } = await createClient(reseller.id);
    const e = await refusal(order(reseller.actor, other.id, 20));
    expect(e.code).toBe("PRECONDITION_FAILED");
    expect(e.message).toBe("This order costs ¥3,000.00 at your wholesale price; you have ¥2,000.00 available (credit limit ¥0.00, in credit ¥2,000.00)");
    expect(e.messageIn("zh-CN")).toContain("您的可用额度为 ¥2,000.00");
  });

  it("counts only entries in the reseller's own currency", async () => {
    const reseller = await createReseller("Yuan only", { creditLimit: 0 });
    await appendResellerEntry(db, { resellerId: reseller.id, kind: "adjustment", amount: 10_000_000, currency: "USD", idempotencyKey: requestId() });
    const { tenant } = await createClient(reseller.id);
    expect(await quoteOrder(reseller.id, { tenantId: tenant.id, planId: plan.id, seats: 10, termYears: 1 })).toMatchObject({ available: 0, allowed: false, reason: "over_limit" });
    expect(await refusal(order(reseller.actor, tenant.id, 10))).toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringMatching(/you have ¥0\.00 available/) });
  });
});

describe("paying on account is refused", () => {
  it("to a parent acting for its sub-reseller's client (it would spend the sub's account), on the method field", async () => {
    const parent = await createReseller("Parent", { creditLimit: 10_000_000 });
    const sub = await createReseller("Sub", { parentId: parent.id, creditLimit: 10_000_000 });
    const { tenant } = await createClient(sub.id);
    const quote = await quoteOrder(parent.id, { tenantId: tenant.id, planId: plan.id, seats: 10, termYears: 1 });
    expect(quote).toMatchObject({ resellerId: sub.id, allowed: false, fits: false, reason: "sub_reseller_client", balance: 0, available: 0, creditLimit: 0 });
    const before = await resellerWriteCounts();
    const e = await refusal(order(parent.actor, tenant.id, 10));
    expect(e.code).toBe("BAD_INPUT");
    expect(e.fieldErrors?.method).toEqual(["Pay for a sub-reseller's client from that sub-reseller's account (its staff can order), or choose bank transfer"]);
    expect(e.fieldErrorsIn("zh-CN")?.method?.[0]).toMatch(/下级经销商/);
    expect(await resellerWriteCounts()).toEqual(before);
    // Bank transfer stays open to the parent, and the sub's own staff can pay on its account.
    await expect(order(parent.actor, tenant.id, 10, "bank_transfer")).resolves.toMatchObject({ status: "pending" });
    const { tenant: second } = await createClient(sub.id);
    await expect(order(sub.actor, second.id, 10)).resolves.toMatchObject({ status: "paid" });
  });

  it("to a sub-reseller whose parent is suspended, order, top-up and quote alike", async () => {
    const parent = await createReseller("Paused parent", { creditLimit: 10_000_000 });
    const sub = await createReseller("Sub of paused", { parentId: parent.id, creditLimit: 10_000_000 });
    const { tenant } = await createClient(sub.id);
    await order(sub.actor, tenant.id, 10);
    await db.reseller.update({ where: { id: parent.id }, data: { status: "suspended" } });
    const before = await resellerWriteCounts();
    const { tenant: fresh } = await createClient(sub.id);
    expect(await refusal(order(sub.actor, fresh.id, 10))).toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringMatching(/parent reseller's account is suspended/) });
    const topUp = createTopUp(sub.actor, tenant.id, { amount: 20_000, method: "reseller_account", idempotencyKey: requestId() });
    expect(await refusal(topUp)).toMatchObject({ code: "PRECONDITION_FAILED" });
    expect(await resellerWriteCounts()).toEqual({ ...before });
    expect(await quoteOrder(sub.id, { tenantId: fresh.id, planId: plan.id, seats: 10, termYears: 1 })).toMatchObject({ suspended: true, allowed: false, reason: "parent_suspended" });
  });

  it("when the order's currency is not the reseller's, on the method field, writing nothing", async () => {
    const reseller = await createReseller("Dollars", { creditLimit: 10_000_000 });
    await db.reseller.update({ where: { id: reseller.id }, data: { currency: "USD" } });
    const { tenant } = await createClient(reseller.id);
    const before = await resellerWriteCounts();
    const e = await refusal(order(reseller.actor, tenant.id, 10));
    expect(e.code).toBe("BAD_INPUT");
    expect(e.fieldErrors?.method?.[0]).toBe("This order is in CNY but the reseller account is kept in USD: pay by bank transfer or card");
    expect(await resellerWriteCounts()).toEqual(before);
    expect(await quoteOrder(reseller.id, { tenantId: tenant.id, planId: plan.id, seats: 10, termYears: 1 })).toMatchObject({ allowed: false, reason: "currency" });
  });
});

describe("a retried request id", () => {
  it("on the reseller's account where the first was not (or the reverse) is another request: CONFLICT, not the first order (orders and top-ups)", async () => {
    const reseller = await createReseller("Retry", { creditLimit: 10_000_000 });
    const { tenant } = await createClient(reseller.id);
    const key = requestId();
    const first = await order(reseller.actor, tenant.id, 10, "bank_transfer", key);
    expect(await refusal(order(reseller.actor, tenant.id, 10, "reseller_account", key))).toMatchObject({ code: "CONFLICT" });
    expect((await order(reseller.actor, tenant.id, 10, "bank_transfer", key)).id).toBe(first.id);
    // Card after a bank transfer (starting a card payment rewrites the method): still the first order.
    await db.order.update({ where: { id: first.id }, data: { method: "stripe" } });
    expect((await order(reseller.actor, tenant.id, 10, "bank_transfer", key)).id).toBe(first.id);
    expect(await entriesOf(reseller.id)).toHaveLength(0);

    const { tenant: active } = await createClient(reseller.id);
    await order(reseller.actor, active.id, 10);
    const topUpKey = requestId();
    const topUp = (method: Method) => createTopUp(reseller.actor, active.id, { amount: 20_000, method, idempotencyKey: topUpKey });
    const t = await topUp("bank_transfer");
    expect(await refusal(topUp("reseller_account"))).toMatchObject({ code: "CONFLICT" });
    expect((await topUp("bank_transfer")).id).toBe(t.id);
  });
});
