import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/server/shared/db";
import { getBalance } from "../ledger/get-balance";
import { lockTenant } from "../ledger/lock-tenant";
import { moneyTransaction } from "../ledger/money-transaction";
import { chargeMonth } from "../subscriptions/charge-month";
import { loadService } from "../subscriptions/load-service";
import { clockAt, createBilledTenant, createPlan, resetClock, retireAllTenants, runMonth, scheduleTestResize, type BilledTenantInput } from "./run-test-fixtures";

// The run batches what the single-tenant path (chargeMonth, used by reactivation) does one by one;
// for the same tenant both must leave the same ledger row, subscription and resize behind.

afterEach(async () => {
  resetClock();
  await retireAllTenants();
});

async function chargeAlone(tenantId: string, month: string) {
  return moneyTransaction(async (tx) => {
    await lockTenant(tx, tenantId);
    const service = (await loadService(tenantId, tx))!;
    return chargeMonth(tx, { tenantId, service, month, balance: await getBalance(tenantId, tx), now: new Date("2026-12-01T02:00:00Z"), actor: null });
  });
}

async function outcomeOf(tenantId: string) {
  const charges = await db.ledgerEntry.findMany({ where: { tenantId, kind: "monthly_charge" } });
  const sub = await db.subscription.findFirstOrThrow({ where: { tenantId } });
  const resizes = await db.resizeChange.findMany({ where: { tenantId } });
  return {
    charges: charges.map(({ kind, amount, currency, reference, billingMonth, note, actorId, actorRole, occurredAt, idempotencyKey }) => ({
      kind, amount, currency, reference, billingMonth, note, actorId, actorRole, occurredAt, key: idempotencyKey.replace(tenantId, "<tenant>"),
    })),
    subscription: { seats: sub.seats, pricePerSeatYear: sub.pricePerSeatYear, termEndMonth: sub.termEndMonth, planId: sub.planId, status: sub.status },
    resizes: resizes.map((r) => ({ status: r.status, appliedAt: r.appliedAt, toSeats: r.toSeats })),
  };
}

type Variant = { name: string; tenant: Omit<BilledTenantInput, "plan">; resize?: { toSeats: number; pricePerSeatYear: number; effectiveMonth: string } };
const variants: Variant[] = [
  { name: "a plain month (December remainder)", tenant: { billingStartMonth: "2026-06", seats: 7, balance: 50_000 } },
  { name: "a resize due this month", tenant: { billingStartMonth: "2026-06", seats: 5, balance: 90_000, termEndMonth: "2027-06" }, resize: { toSeats: 15, pricePerSeatYear: 21_000, effectiveMonth: "2026-12" } },
  { name: "a resize due later", tenant: { billingStartMonth: "2026-06", seats: 50, balance: 900_000 }, resize: { toSeats: 60, pricePerSeatYear: 21_000, effectiveMonth: "2027-01" } },
  { name: "a renewal at a new price", tenant: { billingStartMonth: "2025-12", seats: 110, pricePerSeatYear: 19_000, termEndMonth: "2026-12", balance: 500_000 } },
  { name: "a resize and a renewal together", tenant: { billingStartMonth: "2025-12", seats: 10, pricePerSeatYear: 19_000, termEndMonth: "2026-12", balance: 500_000 }, resize: { toSeats: 20, pricePerSeatYear: 22_000, effectiveMonth: "2026-12" } },
];

describe("a run's result for a tenant equals chargeMonth's", () => {
  for (const v of variants) {
    it(v.name, async () => {
      clockAt("2026-12-01T02:00:00Z");
      const plan = await createPlan(20_000);
      const target = await createPlan(23_000);
      const make = async () => {
        const t = await createBilledTenant({ ...v.tenant, plan });
        if (v.resize) await scheduleTestResize(t.subscription, { toPlan: target, ...v.resize });
        return t;
      };
      const alone = await make();
      const inRun = await make();
      expect((await chargeAlone(alone.tenant.id, "2026-12")).charged).toBe(true);
      await runMonth("2026-12");
      const [a, b] = [await outcomeOf(alone.tenant.id), await outcomeOf(inRun.tenant.id)];
      expect(b.charges).toHaveLength(1);
      expect(b).toEqual(a);
      expect(await getBalance(inRun.tenant.id)).toBe(await getBalance(alone.tenant.id));
    });
  }
});
