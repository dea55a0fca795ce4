// Shared by the SLA close's integration tests: a paying tenant, a month of healthy probe samples
// (written in bulk: 44,640 minutes of real probe runs would take hours), and the outage minutes
// left out of it. Not imported by application code.
import { randomUUID } from "node:crypto";
import { createBillingTenant, createPlan } from "@/server/billing/billing-test-fixtures";
import type { ProbeKind } from "@/server/generated/prisma/enums";
import { db } from "@/server/shared/db";
import { MINUTE_MS } from "../rules/constants";
import { monthBounds } from "../rules/intervals";

export const MONTH = "2026-10";
export const TZ = "Asia/Shanghai";
/** Closing happens after the month: 3 November, 03:00 UTC. */
export const CLOSE_AT = new Date("2026-11-03T03:00:00Z");

/** A tenant whose service ran all month and who was charged `fee` fen for it. */
export async function createPayingTenant(name: string, fee = 30_000, month = MONTH) {
  const { tenant, admin, actor } = await createBillingTenant(name, TZ);
  const plan = await createPlan();
  await db.subscription.create({
    data: { tenantId: tenant.id, planId: plan.id, seats: 18, pricePerSeatYear: 20_000, currency: "CNY", status: "active", billingStartMonth: "2026-01", paidAt: new Date("2026-01-01T00:00:00Z") },
  });
  await db.ledgerEntry.createMany({
    data: [
      { tenantId: tenant.id, kind: "payment", amount: 100_000n, currency: "CNY", idempotencyKey: `pay-${randomUUID()}`, occurredAt: new Date("2026-09-20T00:00:00Z") },
      { tenantId: tenant.id, kind: "monthly_charge", amount: BigInt(-fee), currency: "CNY", billingMonth: month, idempotencyKey: `charge-${randomUUID()}`, occurredAt: new Date("2026-10-01T00:00:00Z") },
    ],
  });
  return { tenant, admin, actor, plan };
}

/**
 * One healthy sample a minute for each probe over the month (in TZ), except the minutes in
 * `skip` (epoch minutes), which the test fills with real probe runs.
 */
export async function fillHealthyMonth(opts: { month?: string; probes?: ProbeKind[]; skip?: Set<number>; location?: string } = {}): Promise<number> {
  const { start, end } = monthBounds(opts.month ?? MONTH, TZ);
  const probes = opts.probes ?? ["smtp_mx", "network"];
  const rows = [];
  for (let m = start / MINUTE_MS; m < end / MINUTE_MS; m++) {
    if (opts.skip?.has(m)) continue;
    for (const probe of probes) rows.push({ probe, target: "127.0.0.1:2525", location: opts.location ?? "test-probe", ok: true, latencyMs: 12, at: new Date(m * MINUTE_MS + 5_000) });
  }
  for (let i = 0; i < rows.length; i += 5_000) await db.probeSample.createMany({ data: rows.slice(i, i + 5_000) });
  return rows.length;
}

export const minutesFrom = (iso: string, count: number): number[] => Array.from({ length: count }, (_, i) => new Date(iso).getTime() / MINUTE_MS + i);
