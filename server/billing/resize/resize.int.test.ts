import { afterEach, describe, expect, it } from "vitest";
import fc from "fast-check";
import { setClock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { DomainError } from "@/server/shared/errors";
import { createOrder } from "../orders/create-order";
import { confirmBankTransfer } from "../orders/confirm-bank-transfer";
import { getBalance } from "../ledger/get-balance";
import { lockTenant } from "../ledger/lock-tenant";
import { moneyTransaction } from "../ledger/money-transaction";
import { chargeMonth } from "../subscriptions/charge-month";
import { loadService } from "../subscriptions/load-service";
import { getPaidThrough } from "../account/get-paid-through";
import { addMonths, monthStart } from "../rules/months";
import { isAllowedSeats } from "../rules/seat-tiers";
import { previewResizeFor } from "./preview-resize";
import { scheduleResize } from "./schedule-resize";
import { cancelResize } from "./cancel-resize";
import { createBillingTenant, createPlan, operatorActor, requestId } from "../billing-test-fixtures";

const SH = "Asia/Shanghai";
let restoreClock: (() => void) | undefined;
afterEach(() => restoreClock?.());
const at = (iso: string) => {
  restoreClock?.();
  restoreClock = setClock(new Date(iso));
};
/** Noon on the 10th of a month in Shanghai. */
const midMonth = (month: string) => new Date(monthStart(month, SH).getTime() + 9.5 * 86_400_000).toISOString();

/** A tenant that paid `prepay` for `seats` on a plan in `paidMonth` (billing starts the month after). */
async function paidTenant(seats: number, price: number, paidMonth: string, prepay?: number) {
  at(midMonth(paidMonth));
  const plan = await createPlan(price);
  const t = await createBillingTenant();
  const o = await createOrder(t.actor, t.tenant.id, { planId: plan.id, seats, termYears: 1, startRule: "on_payment", method: "bank_transfer", idempotencyKey: requestId() });
  await confirmBankTransfer(operatorActor, { reference: o.reference, amount: prepay ?? o.amount });
  return { ...t, plan };
}

/** Charges `month` for one tenant the way the billing run does (single-tenant path). */
async function charge(tenantId: string, month: string) {
  return moneyTransaction(async (tx) => {
    await lockTenant(tx, tenantId);
    const service = (await loadService(tenantId, tx))!;
    return chargeMonth(tx, { tenantId, service, month, balance: await getBalance(tenantId, tx), now: new Date(), actor: null });
  });
}

describe("resize", () => {
  it("previews, schedules for the 1st of next month, and the run charges what the preview said", async () => {
    const { tenant, actor, plan } = await paidTenant(5, 20_000, "2026-11");
    for (const m of ["2026-12", "2027-01", "2027-02", "2027-03"]) await charge(tenant.id, m);
    at(midMonth("2027-03"));
    const preview = await previewResizeFor(tenant.id, { planId: plan.id, seats: 10 });
    expect(preview).toMatchObject({ effectiveMonth: "2027-04", effectiveDay: "2027-04-01", currentMonthlyFee: 8_333, newMonthlyFee: 16_666, newYearlyFee: 200_000 });
    expect(preview.balance).toBe(100_000 - 8_337 - 3 * 8_333);
    const scheduled = await scheduleResize(actor, tenant.id, { planId: plan.id, seats: 10, idempotencyKey: requestId() });
    expect(scheduled).toMatchObject({ status: "scheduled", effectiveMonth: "2027-04", toSeats: 10 });
    const again = scheduleResize(actor, tenant.id, { planId: plan.id, seats: 20, idempotencyKey: requestId() });
    await expect(again).rejects.toThrow(/already scheduled for 2027-04: cancel it first/);

    at(midMonth("2027-04"));
    const charged = await charge(tenant.id, "2027-04");
    expect(charged).toEqual({ charged: true, fee: preview.newMonthlyFee });
    const sub = await db.subscription.findFirstOrThrow({ where: { tenantId: tenant.id, status: "active" } });
    expect(sub.seats).toBe(10);
    expect((await db.resizeChange.findUniqueOrThrow({ where: { id: scheduled.id } })).status).toBe("applied");
    const pt = await getPaidThrough(tenant.id, SH);
    expect(pt.paidThrough?.paidThroughDay).toBe(preview.after.paidThroughDay);
  });

  it("can be cancelled before its month, not after it began", async () => {
    const { tenant, actor, plan } = await paidTenant(10, 20_000, "2026-11");
    at(midMonth("2026-12"));
    const s = await scheduleResize(actor, tenant.id, { planId: plan.id, seats: 5, idempotencyKey: requestId() });
    const other = await createBillingTenant("Other");
    await expect(cancelResize(other.actor, other.tenant.id, s.id)).rejects.toThrow(/not found/);
    expect(await cancelResize(actor, tenant.id, s.id)).toEqual({ id: s.id, status: "cancelled" });
    const s2 = await scheduleResize(actor, tenant.id, { planId: plan.id, seats: 5, idempotencyKey: requestId() });
    at(new Date(monthStart("2027-01", SH).getTime() + 60_000).toISOString());
    await expect(cancelResize(actor, tenant.id, s2.id)).rejects.toThrow(/took effect on 2027-01-01/);
  });

  it("is refused below one month's fee, without a paid subscription, off-tier or unchanged — writing nothing", async () => {
    const { tenant, actor, plan } = await paidTenant(5, 20_000, "2026-11", 100_000);
    at(midMonth("2026-12"));
    await charge(tenant.id, "2026-12");
    // Spend the balance down to below one month's fee with an adjustment-like charge sequence.
    for (let i = 1; i <= 11; i++) await charge(tenant.id, addMonths("2026-12", i));
    at(midMonth("2027-11"));
    expect(await getBalance(tenant.id)).toBe(0);
    const refusals: [() => Promise<unknown>, string, RegExp][] = [
      [() => previewResizeFor(tenant.id, { planId: plan.id, seats: 10 }), "PRECONDITION_FAILED", /below one month's fee of your current service \(¥83\.37\)/],
      [() => previewResizeFor(tenant.id, { planId: plan.id, seats: 103 }), "BAD_INPUT", /Choose 100 or 110/],
      [() => previewResizeFor(tenant.id, { planId: plan.id, seats: 5 }), "BAD_INPUT", /already have/],
      [() => previewResizeFor(tenant.id, { planId: "missing", seats: 10 }), "BAD_INPUT", /not on sale/],
    ];
    const fresh = await createBillingTenant("No plan yet");
    refusals.push([() => scheduleResize(fresh.actor, fresh.tenant.id, { planId: plan.id, seats: 10, idempotencyKey: requestId() }), "PRECONDITION_FAILED", /no paid subscription/]);
    refusals.push([() => scheduleResize(actor, tenant.id, { planId: plan.id, seats: 10, idempotencyKey: requestId() }), "PRECONDITION_FAILED", /below one month's fee/]);
    for (const [call, code, message] of refusals) {
      const error = await call().then(() => null, (e: unknown) => e);
      expect(error, String(message)).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe(code);
      expect((error as DomainError).message).toMatch(message);
    }
    expect(await db.resizeChange.count({ where: { tenantId: { in: [tenant.id, fresh.tenant.id] } } })).toBe(0);
  });

  it("property: over random plans, seats, dates and balances, the run charges the previewed fee and reaches the previewed date", async () => {
    const seats = fc.integer({ min: 5, max: 1_200 }).filter(isAllowedSeats);
    await fc.assert(
      fc.asyncProperty(
        seats,
        seats,
        fc.integer({ min: 100, max: 50_000 }),
        fc.integer({ min: 100, max: 50_000 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 30_000_000 }),
        async (fromSeats, toSeats, price, toPrice, paidOffset, extra) => {
          const paidMonth = addMonths("2026-06", paidOffset);
          const { tenant, actor, plan } = await paidTenant(fromSeats, price, paidMonth);
          const newPlan = toSeats === fromSeats ? await createPlan(toPrice) : plan;
          const startMonth = addMonths(paidMonth, 1);
          if (extra > 0) {
            const t = await db.ledgerEntry.create({ data: { tenantId: tenant.id, kind: "adjustment", amount: BigInt(extra), currency: "CNY", idempotencyKey: requestId() } });
            expect(t.id).toBeTruthy();
          }
          await charge(tenant.id, startMonth);
          at(midMonth(startMonth));
          let preview;
          try {
            preview = await previewResizeFor(tenant.id, { planId: newPlan.id, seats: toSeats });
          } catch (e) {
            expect((e as DomainError).code).toBe("PRECONDITION_FAILED");
            return;
          }
          await scheduleResize(actor, tenant.id, { planId: newPlan.id, seats: toSeats, idempotencyKey: requestId() });
          at(midMonth(preview.effectiveMonth));
          const result = await charge(tenant.id, preview.effectiveMonth);
          expect(result.fee).toBe(preview.newMonthlyFee);
          // A balance lasting beyond the projection's horizon has no date to compare.
          if (result.charged && !preview.after.capped) {
            const pt = await getPaidThrough(tenant.id, SH);
            expect(pt.paidThrough?.paidThroughDay ?? null).toBe(preview.after.paidThroughDay);
          }
        },
      ),
      { numRuns: 15 },
    );
  }, 120_000);
});
