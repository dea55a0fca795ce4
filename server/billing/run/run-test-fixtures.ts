// Shared by the billing-run integration tests (and any test that needs billed tenants): tenants
// with an active subscription and a balance, written directly with Prisma, and helpers to run a
// month and read back what it wrote. Not imported by application code.
import { randomUUID } from "node:crypto";
import type { Plan } from "@/server/generated/prisma/client.ts";
import { db } from "@/server/shared/db";
import { setClock } from "@/server/shared/clock";
import { createPlan } from "../billing-test-fixtures";
import { executeBillingRun, type ExecuteBillingRunOptions } from "./execute-billing-run";
import { startBillingRun } from "./start-billing-run";

export { createPlan, operatorUser, resellerUser, operatorActor } from "../billing-test-fixtures";

export type BilledTenantInput = {
  /** First billed month ('YYYY-MM'). */
  billingStartMonth: string;
  /** Fen the tenant has paid in (one payment entry); 0 writes none. */
  balance: number;
  seats?: number;
  plan?: Plan;
  /** The subscription's term price; defaults to the plan's price. */
  pricePerSeatYear?: number;
  termEndMonth?: string | null;
  timeZone?: string;
  name?: string;
};

/** An active tenant with an active subscription and a payment in the ledger. */
export async function createBilledTenant(input: BilledTenantInput) {
  const plan = input.plan ?? (await createPlan(20_000));
  const tenant = await db.tenant.create({ data: { name: input.name ?? `Tenant ${randomUUID().slice(0, 6)}`, timeZone: input.timeZone ?? "Asia/Shanghai" } });
  const subscription = await db.subscription.create({
    data: {
      tenantId: tenant.id,
      planId: plan.id,
      seats: input.seats ?? 5,
      pricePerSeatYear: input.pricePerSeatYear ?? plan.pricePerSeatYear,
      currency: "CNY",
      status: "active",
      billingStartMonth: input.billingStartMonth,
      termEndMonth: input.termEndMonth === undefined ? null : input.termEndMonth,
      paidAt: new Date("2026-01-01T00:00:00Z"),
    },
  });
  if (input.balance > 0) {
    await db.ledgerEntry.create({
      data: { tenantId: tenant.id, kind: "payment", amount: BigInt(input.balance), currency: "CNY", idempotencyKey: `test-payment:${tenant.id}`, reference: "TEST" },
    });
  }
  return { tenant, subscription, plan };
}

/** `count` tenants of 5 seats × 200 CNY that can pay, billed since `billingStartMonth`. */
export async function createBilledTenants(count: number, billingStartMonth: string, balance = 100_000) {
  const plan = await createPlan(20_000);
  const out = [];
  for (let i = 0; i < count; i++) out.push(await createBilledTenant({ plan, billingStartMonth, balance, name: `Bulk ${i}` }));
  return out;
}

/** A resize scheduled as scheduleResize stores it (its price is what the run must charge). */
export async function scheduleTestResize(
  subscription: { id: string; tenantId: string; planId: string; seats: number },
  change: { toPlan: Plan; toSeats: number; pricePerSeatYear: number; effectiveMonth: string },
) {
  return db.resizeChange.create({
    data: {
      subscriptionId: subscription.id,
      tenantId: subscription.tenantId,
      fromPlanId: subscription.planId,
      fromSeats: subscription.seats,
      toPlanId: change.toPlan.id,
      toSeats: change.toSeats,
      pricePerSeatYear: change.pricePerSeatYear,
      effectiveMonth: change.effectiveMonth,
      idempotencyKey: `test-resize:${randomUUID()}`,
    },
  });
}

/** Starts (or resumes) the month's run and executes it here, as the CLI does. */
export async function runMonth(month: string, opts: ExecuteBillingRunOptions = {}) {
  const { run } = await startBillingRun({ month, trigger: "test" });
  return executeBillingRun(run.id, opts);
}

export const monthlyCharges = (tenantId: string) =>
  db.ledgerEntry.findMany({ where: { tenantId, kind: "monthly_charge" }, orderBy: { billingMonth: "asc" } });

/** Every monthly charge for `month`, as tenantId → how many (a correct run leaves 1 each). */
export async function chargeCountsFor(month: string): Promise<Map<string, number>> {
  const rows = await db.ledgerEntry.groupBy({ by: ["tenantId"], where: { kind: "monthly_charge", billingMonth: month }, _count: { _all: true } });
  return new Map(rows.map((r) => [r.tenantId, r._count._all]));
}

let restore: (() => void) | undefined;
/** Pins the clock (undone by `resetClock`, which tests call in afterEach). */
export function clockAt(iso: string): void {
  restore?.();
  restore = setClock(new Date(iso));
}
export function resetClock(): void {
  restore?.();
  restore = undefined;
}

/** Takes every tenant out of billing (frozen), so the next test's run sees only its own tenants. */
export async function retireAllTenants(): Promise<void> {
  await db.tenant.updateMany({ where: { status: { not: "frozen" } }, data: { status: "frozen" } });
}
