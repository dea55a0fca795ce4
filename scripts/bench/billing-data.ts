// Generated tenants for `npm run bench:billing`: a platform a year into business. Every tenant's
// outcome for the benchmark month is decided here (charge, suspend, skip; resize, renewal), so
// the benchmark can check the run's counters against what the data implies.
import type mysql from "mysql2/promise";
import { addMonths, monthsBetween, type Month } from "@/server/billing/rules/months";
import { monthlyFee } from "@/server/billing/rules/fees";
import { advanceToMonth, type ScheduledChange } from "@/server/billing/rules/service-terms";
import { chargeKey } from "@/server/billing/subscriptions/charge-month";

export type Expected = { candidates: number; charged: number; suspended: number; skipped: number; resizesApplied: number; renewals: number; chargedAmount: number };

const PLANS = [
  { id: "bench-plan-std", price: 20_000, weight: 0.6 },
  { id: "bench-plan-pro", price: 30_000, weight: 0.25 },
  { id: "bench-plan-lite", price: 12_000, weight: 0.1 },
  { id: "bench-plan-ent", price: 50_000, weight: 0.05 },
];

/** Deterministic, so two benchmark runs bill the same platform. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Allowed seat counts (seat tiers): mostly small companies, a few large ones. */
function seatsFor(r: number, r2: number): number {
  if (r < 0.7) return 5 * (1 + Math.floor(r2 * 19));
  if (r < 0.95) return 100 + 10 * Math.floor(r2 * 96);
  return 1_100 + 50 * Math.floor(r2 * 39);
}

async function insert(conn: mysql.Connection, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  for (let i = 0; i < rows.length; i += 5_000) {
    await conn.query(`INSERT INTO \`${table}\` (${columns.map((c) => `\`${c}\``).join(", ")}) VALUES ?`, [rows.slice(i, i + 5_000)]);
  }
}

/** Writes `count` tenants billed up to the month before `month`, with multi-row INSERTs. */
export async function generatePlatform(conn: mysql.Connection, count: number, month: Month, now: Date): Promise<Expected> {
  const rand = prng(20261201);
  const exp: Expected = { candidates: 0, charged: 0, suspended: 0, skipped: 0, resizesApplied: 0, renewals: 0, chargedAmount: 0 };
  await conn.query("SET unique_checks = 0, foreign_key_checks = 0");
  await insert(conn, "Plan", ["id", "code", "name", "pricePerSeatYear", "mailboxQuotaMb", "attachmentLimitMb", "largeAttachmentLimitMb", "updatedAt"],
    PLANS.map((p) => [p.id, p.id, p.id, p.price, 10_240, 50, 2_048, now]));

  const tenants: unknown[][] = [], subs: unknown[][] = [], resizes: unknown[][] = [], ledger: unknown[][] = [];
  for (let i = 0; i < count; i++) {
    const id = `c${Math.floor(rand() * 0xffffffff).toString(16).padStart(8, "0")}${i.toString(36).padStart(4, "0")}`;
    const zr = rand();
    const timeZone = zr < 0.85 ? "Asia/Shanghai" : zr < 0.95 ? "UTC" : "America/New_York";
    let pr = rand();
    const plan = PLANS.find((p) => (pr -= p.weight) < 0) ?? PLANS[0]!;
    const seats = seatsFor(rand(), rand());
    const start = addMonths(month, -Math.floor(rand() * 13)); // 2025-12 … 2026-12: one-year terms, some ending now
    const termEnd = addMonths(start, 12);
    const price = rand() < 0.1 ? plan.price - 2_000 : plan.price; // an older price, until renewal
    const active = rand() >= 0.01;
    tenants.push([id, `Bench ${i}`, active ? "active" : "suspended", timeZone, active ? null : "operator", now]);
    subs.push([`s${id}`, id, plan.id, seats, price, "CNY", "active", start, termEnd, now, now]);

    let change: ScheduledChange | null = null;
    const rr = rand();
    if (rr < 0.05) {
      const to = PLANS[Math.floor(rand() * PLANS.length)]!;
      change = { effectiveMonth: rr < 0.04 ? month : addMonths(month, 1), seats: seatsFor(rand(), rand()), pricePerSeatYear: to.price, renewalPricePerSeatYear: to.price };
      resizes.push([`r${id}`, `s${id}`, id, plan.id, seats, to.id, change.seats, change.pricePerSeatYear, change.effectiveMonth, `bench-resize:${id}`]);
    }
    let paid = 0;
    for (let k = 0; k < monthsBetween(start, month); k++) {
      const m = addMonths(start, k);
      const fee = monthlyFee(seats, price, m);
      paid += fee;
      ledger.push([id, "monthly_charge", -fee, "CNY", m, m, chargeKey(id, m), `${seats} seats × ${price} fen per seat-year`, new Date(`${m}-01T00:00:00Z`)]);
    }
    const step = advanceToMonth({ seats, pricePerSeatYear: price, termEndMonth: termEnd, renewalPricePerSeatYear: plan.price }, change, month);
    const cr = rand();
    const chargedBefore = cr < 0.02; // an earlier, interrupted run already charged these
    const canPay = cr >= 0.07; // ~5 % cannot pay this month
    const payment = paid + (canPay ? 12 * step.fee : Math.floor(step.fee / 3));
    if (payment > 0) ledger.push([id, "payment", payment, "CNY", `BT${i}`, null, `bench-payment:${id}`, "Bank transfer", new Date(`${addMonths(start, -1)}-15T00:00:00Z`)]);
    if (chargedBefore) ledger.push([id, "monthly_charge", -step.fee, "CNY", month, month, chargeKey(id, month), "earlier run", now]);

    if (!active) continue;
    exp.candidates++;
    if (chargedBefore) exp.skipped++;
    else if (!canPay) exp.suspended++;
    else {
      exp.charged++;
      exp.chargedAmount += step.fee;
      if (step.changeApplied) exp.resizesApplied++;
      if (step.renewed) exp.renewals++;
    }
  }
  await insert(conn, "Tenant", ["id", "name", "status", "timeZone", "suspendedReason", "updatedAt"], tenants);
  await insert(conn, "Subscription", ["id", "tenantId", "planId", "seats", "pricePerSeatYear", "currency", "status", "billingStartMonth", "termEndMonth", "paidAt", "updatedAt"], subs);
  await insert(conn, "ResizeChange", ["id", "subscriptionId", "tenantId", "fromPlanId", "fromSeats", "toPlanId", "toSeats", "pricePerSeatYear", "effectiveMonth", "idempotencyKey"], resizes);
  await insert(conn, "LedgerEntry", ["tenantId", "kind", "amount", "currency", "reference", "billingMonth", "idempotencyKey", "note", "occurredAt"], ledger);
  await conn.query("SET unique_checks = 1, foreign_key_checks = 1");
  await conn.query("ANALYZE TABLE Tenant, Subscription, ResizeChange, LedgerEntry");
  return exp;
}
