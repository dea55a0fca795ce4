import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/shared/db";
import { DomainError } from "@/server/shared/errors";
import { createOrder } from "@/server/billing/orders/create-order";
import { createTopUp } from "@/server/billing/orders/create-top-up";
import { confirmBankTransfer } from "@/server/billing/orders/confirm-bank-transfer";
import { createPlan, operatorActor, requestId } from "@/server/billing/billing-test-fixtures";
import { recordResellerAdjustment } from "./record-reseller-adjustment";
import { createClient, createReseller, entriesOf, resellerWriteCounts } from "./reseller-account-test-fixtures";

let plan: Awaited<ReturnType<typeof createPlan>>;
beforeAll(async () => {
  plan = await createPlan(20_000); // ¥200 per seat-year
});

type Actor = Parameters<typeof createOrder>[0];
const order = (actor: Actor, tenantId: string, seats: number, method: "bank_transfer" | "reseller_account" = "reseller_account") =>
  createOrder(actor, tenantId, { planId: plan.id, seats, termYears: 1, startRule: "on_payment", method, idempotencyKey: requestId() });

async function refusal(call: Promise<unknown>): Promise<DomainError> {
  const e = await call.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(DomainError);
  return e as DomainError;
}

describe("an order paid on the reseller's account", () => {
  it("charges the wholesale price, pays the order at the client's price and activates the subscription", async () => {
    const reseller = await createReseller("Top", { discountBps: 1500, creditLimit: 10_000_000 });
    const { tenant } = await createClient(reseller.id);
    const view = await order(reseller.actor, tenant.id, 100);
    expect(view.status).toBe("paid");
    const stored = await db.order.findUniqueOrThrow({ where: { id: view.id } });
    expect(stored).toMatchObject({ resellerId: reseller.id, method: "reseller_account", amount: 2_000_000n });
    expect(await db.subscription.findFirstOrThrow({ where: { tenantId: tenant.id } })).toMatchObject({ status: "active" });
    const payments = await db.ledgerEntry.findMany({ where: { tenantId: tenant.id } });
    expect(payments.map((p) => [p.kind, p.amount, p.note])).toEqual([["payment", 2_000_000n, "Paid by the reseller on its account"]]);
    const entries = await entriesOf(reseller.id);
    expect(entries.map((e) => [e.kind, e.amount, e.clientAmount, e.wholesaleAmount, e.marginAmount, e.idempotencyKey, e.tenantId])).toEqual([
      ["wholesale_charge", -1_700_000n, 2_000_000n, 1_700_000n, 300_000n, `wholesale:${view.id}`, tenant.id],
    ]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "billing.order.create", targetId: view.id } });
    expect(audit.actorResellerId).toBe(reseller.id);
    expect(audit.details).toMatchObject({ onBehalfOfTenantId: tenant.id, resellerId: reseller.id, wholesale: 1_700_000 });
  });

  it("refuses an order beyond the credit limit with the figures, in both languages, writing nothing", async () => {
    const reseller = await createReseller("Tight", { discountBps: 1500, creditLimit: 1_000_000 });
    await recordResellerAdjustment(operatorActor, { resellerId: reseller.id, amount: -900_000, reason: "Opening balance owed", idempotencyKey: requestId() });
    const { tenant } = await createClient(reseller.id);
    const before = await resellerWriteCounts();
    const e = await refusal(order(reseller.actor, tenant.id, 10));
    expect(e.code).toBe("PRECONDITION_FAILED");
    expect(e.message).toBe("This order costs ¥1,700.00 at your wholesale price; you have ¥1,000.00 available (credit limit ¥10,000.00, owed ¥9,000.00)");
    expect(e.messageIn("zh-CN")).toBe("此订单按您的批发价为 ¥1,700.00；您的可用额度为 ¥1,000.00（信用额度 ¥10,000.00，已欠款 ¥9,000.00）");
    expect(await resellerWriteCounts()).toEqual(before);
    // What still fits is accepted: 5 seats at ¥170 = ¥850.00 of the ¥1,000.00 left.
    await expect(order(reseller.actor, tenant.id, 5)).resolves.toMatchObject({ status: "paid" });
  });

  it("refuses a suspended reseller, and a tenant admin choosing the reseller account", async () => {
    const reseller = await createReseller("Paused", { creditLimit: 10_000_000, status: "suspended" });
    const { tenant, actor } = await createClient(reseller.id);
    const before = await resellerWriteCounts();
    expect(await refusal(order(reseller.actor, tenant.id, 10))).toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringMatching(/suspended/) });
    const byAdmin = await refusal(order(actor, tenant.id, 10));
    expect(byAdmin).toMatchObject({ code: "BAD_INPUT" });
    expect(byAdmin.fieldErrors).toHaveProperty("method");
    expect(await resellerWriteCounts()).toEqual(before);
  });

  it("two orders on account at once are checked one after the other against the limit", async () => {
    const reseller = await createReseller("Race", { creditLimit: 200_000 }); // room for one 10-seat order (¥2,000)
    const [a, b] = await Promise.all([createClient(reseller.id), createClient(reseller.id)]);
    const results = await Promise.allSettled([order(reseller.actor, a.tenant.id, 10), order(reseller.actor, b.tenant.id, 10)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await entriesOf(reseller.id)).toHaveLength(1);
  });

  it("a top-up on account is charged at the subscription's wholesale ratio", async () => {
    const reseller = await createReseller("TopUps", { discountBps: 1500, creditLimit: 10_000_000 });
    const { tenant } = await createClient(reseller.id);
    await order(reseller.actor, tenant.id, 100);
    const topUp = await createTopUp(reseller.actor, tenant.id, { amount: 166_700, method: "reseller_account", idempotencyKey: requestId() });
    expect(topUp.status).toBe("paid");
    const charge = (await entriesOf(reseller.id)).find((e) => e.orderId === topUp.id)!;
    expect(charge).toMatchObject({ kind: "wholesale_charge", amount: -141_695n, clientAmount: 166_700n, marginAmount: 25_005n });
  });
});

describe("an order the client pays the platform itself", () => {
  it("credits the reseller its margin when the bank transfer is confirmed, once however often it is confirmed", async () => {
    const reseller = await createReseller("Margins", { discountBps: 1500 });
    const { tenant, actor } = await createClient(reseller.id);
    const view = await order(actor, tenant.id, 100, "bank_transfer");
    expect(await entriesOf(reseller.id)).toHaveLength(0);
    const confirm = () => confirmBankTransfer(operatorActor, { reference: view.reference, amount: 2_000_000 });
    await Promise.all([confirm(), confirm(), confirm()]);
    const entries = await entriesOf(reseller.id);
    expect(entries.map((e) => [e.kind, e.amount, e.clientAmount, e.wholesaleAmount, e.marginAmount, e.idempotencyKey])).toEqual([
      ["margin_credit", 300_000n, 2_000_000n, 1_700_000n, 300_000n, `margin:${view.id}`],
    ]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "billing.payment.record", targetId: view.id } });
    expect(audit.details).toMatchObject({ onBehalfOfTenantId: tenant.id, resellerId: reseller.id, wholesale: 1_700_000, margin: 300_000 });
  });

  it("settles with the reseller the order was placed under, even after the tenant moved", async () => {
    const first = await createReseller("First", { discountBps: 1000 });
    const second = await createReseller("Second", { discountBps: 3000 });
    const { tenant, actor } = await createClient(first.id);
    const view = await order(actor, tenant.id, 10, "bank_transfer");
    await db.tenant.update({ where: { id: tenant.id }, data: { resellerId: second.id } });
    await confirmBankTransfer(operatorActor, { reference: view.reference, amount: 200_000 });
    expect((await entriesOf(first.id)).map((e) => [e.kind, e.amount])).toEqual([["margin_credit", 20_000n]]);
    expect(await entriesOf(second.id)).toHaveLength(0);
  });

  it("a direct tenant's payment touches no reseller's books", async () => {
    const { tenant, actor } = await createClient(null);
    const before = (await resellerWriteCounts()).entries;
    const view = await order(actor, tenant.id, 10, "bank_transfer");
    await confirmBankTransfer(operatorActor, { reference: view.reference, amount: 200_000 });
    expect((await resellerWriteCounts()).entries).toBe(before);
  });
});

describe("a sub-reseller's sale", () => {
  it("gives the parent the gap between the two wholesale prices, on account and by transfer", async () => {
    const parent = await createReseller("Parent", { discountBps: 1500 }); // ¥170
    const sub = await createReseller("Sub", { parentId: parent.id, discountBps: 1000, creditLimit: 10_000_000 }); // ¥180
    const a = await createClient(sub.id);
    const onAccount = await order(sub.actor, a.tenant.id, 10); // the sub's staff orders on the sub's account
    const b = await createClient(sub.id);
    const byTransfer = await order(b.actor, b.tenant.id, 10, "bank_transfer");
    await confirmBankTransfer(operatorActor, { reference: byTransfer.reference, amount: 200_000 });
    expect((await entriesOf(sub.id)).map((e) => [e.kind, e.amount, e.orderId])).toEqual([
      ["wholesale_charge", -180_000n, onAccount.id],
      ["margin_credit", 20_000n, byTransfer.id],
    ]);
    expect((await entriesOf(parent.id)).map((e) => [e.kind, e.amount, e.clientAmount, e.wholesaleAmount, e.idempotencyKey])).toEqual([
      ["override_credit", 10_000n, 180_000n, 170_000n, `override:${onAccount.id}`],
      ["override_credit", 10_000n, 180_000n, 170_000n, `override:${byTransfer.id}`],
    ]);
  });

  it("no override when the parent's wholesale is not below the sub's", async () => {
    const parent = await createReseller("Parent 2", { discountBps: 500 });
    const sub = await createReseller("Sub 2", { parentId: parent.id, discountBps: 1000, creditLimit: 10_000_000 });
    const { tenant } = await createClient(sub.id);
    await order(sub.actor, tenant.id, 10);
    expect(await entriesOf(parent.id)).toHaveLength(0);
  });
});

describe("the reseller ledger is append-only", () => {
  it("refuses UPDATE and DELETE at the database", async () => {
    const reseller = await createReseller("Books");
    await recordResellerAdjustment(operatorActor, { resellerId: reseller.id, amount: 1_000, reason: "Goodwill credit", idempotencyKey: requestId() });
    await expect(db.$executeRaw`UPDATE ResellerLedgerEntry SET amount = 0 WHERE resellerId = ${reseller.id}`).rejects.toThrow();
    await expect(db.$executeRaw`DELETE FROM ResellerLedgerEntry WHERE resellerId = ${reseller.id}`).rejects.toThrow();
    expect((await entriesOf(reseller.id))[0]!.amount).toBe(1_000n);
  });
});
