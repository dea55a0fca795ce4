import { afterEach, describe, expect, it } from "vitest";
import { setClock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { createOrder } from "../orders/create-order";
import { createTopUp } from "../orders/create-top-up";
import { confirmBankTransfer } from "../orders/confirm-bank-transfer";
import { getBalance } from "../ledger/get-balance";
import { onDomainMxVerified } from "./on-domain-mx-verified";
import { createBillingTenant, createPlan, operatorActor, requestId } from "../billing-test-fixtures";

let restoreClock: (() => void) | undefined;
afterEach(() => restoreClock?.());

async function orderAndPay(startRule: "on_payment" | "on_mx_verified", seats = 5) {
  const plan = await createPlan();
  const t = await createBillingTenant();
  const o = await createOrder(t.actor, t.tenant.id, { planId: plan.id, seats, termYears: 2, startRule, method: "bank_transfer", idempotencyKey: requestId() });
  await confirmBankTransfer(operatorActor, { reference: o.reference, amount: o.amount });
  return t;
}

describe("billing start on MX verification (seed 002: 已有域名用户从 MX 记录指向 263 时起开通服务)", () => {
  it("waits for the domain, then bills from the 1st of the month after its MX verified", async () => {
    restoreClock = setClock(new Date("2026-11-26T04:00:00Z"));
    const { tenant } = await orderAndPay("on_mx_verified");
    expect(await db.subscription.findFirstOrThrow({ where: { tenantId: tenant.id } })).toMatchObject({ status: "active", billingStartMonth: null });
    expect(await onDomainMxVerified(tenant.id, new Date("2027-01-20T02:00:00Z"))).toEqual({ billingStartMonth: "2027-02" });
    expect(await db.subscription.findFirstOrThrow({ where: { tenantId: tenant.id } })).toMatchObject({ billingStartMonth: "2027-02", termEndMonth: "2029-02" });
    // Only the first verification counts.
    expect(await onDomainMxVerified(tenant.id, new Date("2027-05-01T00:00:00Z"))).toEqual({ billingStartMonth: null });
  });

  it("an MX that verified before payment starts billing the month after payment", async () => {
    restoreClock = setClock(new Date("2026-11-26T04:00:00Z"));
    const plan = await createPlan();
    const t = await createBillingTenant();
    await onDomainMxVerified(t.tenant.id, new Date("2026-10-03T00:00:00Z"));
    const o = await createOrder(t.actor, t.tenant.id, { planId: plan.id, seats: 5, termYears: 1, startRule: "on_mx_verified", method: "bank_transfer", idempotencyKey: requestId() });
    await confirmBankTransfer(operatorActor, { reference: o.reference, amount: o.amount });
    expect(await db.subscription.findFirstOrThrow({ where: { tenantId: t.tenant.id } })).toMatchObject({ billingStartMonth: "2026-12", termEndMonth: "2027-12" });
  });
});

describe("paying reactivates a tenant suspended for non-payment", () => {
  it("charges the month it is in and lifts the suspension", async () => {
    restoreClock = setClock(new Date("2026-11-26T04:00:00Z"));
    const { tenant, actor } = await orderAndPay("on_payment");
    restoreClock();
    restoreClock = setClock(new Date("2029-03-05T04:00:00Z"));
    // The balance has been spent (prepaid 2 years) and the run suspended the tenant.
    await db.ledgerEntry.create({ data: { tenantId: tenant.id, kind: "adjustment", amount: -200_000n, currency: "CNY", idempotencyKey: requestId() } });
    await db.tenant.update({ where: { id: tenant.id }, data: { status: "suspended", suspendedReason: "non_payment", suspendedAt: new Date() } });
    const top = await createTopUp(actor, tenant.id, { amount: 100_000, method: "bank_transfer", idempotencyKey: requestId() });
    await confirmBankTransfer(operatorActor, { reference: top.reference, amount: 100_000 });
    expect(await db.tenant.findUniqueOrThrow({ where: { id: tenant.id } })).toMatchObject({ status: "active", suspendedReason: null });
    const charge = await db.ledgerEntry.findFirstOrThrow({ where: { tenantId: tenant.id, kind: "monthly_charge" } });
    expect(charge).toMatchObject({ billingMonth: "2029-03", amount: -8_333n, idempotencyKey: `charge:${tenant.id}:2029-03` });
    expect(await getBalance(tenant.id)).toBe(100_000 - 8_333);
    expect(await db.auditEvent.count({ where: { tenantId: tenant.id, action: "tenant.reactivate" } })).toBe(1);
  });

  it("an operator's suspension is not lifted by a payment", async () => {
    const { tenant, actor } = await orderAndPay("on_payment");
    await db.tenant.update({ where: { id: tenant.id }, data: { status: "suspended", suspendedReason: "operator" } });
    const top = await createTopUp(actor, tenant.id, { amount: 100_000, method: "bank_transfer", idempotencyKey: requestId() });
    await confirmBankTransfer(operatorActor, { reference: top.reference, amount: 100_000 });
    expect((await db.tenant.findUniqueOrThrow({ where: { id: tenant.id } })).status).toBe("suspended");
  });
});
