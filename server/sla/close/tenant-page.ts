import { Prisma } from "@/server/generated/prisma/client";
import { db } from "@/server/shared/db";
import type { LatencyDay } from "../rules/latency";
import { HISTOGRAM_SUMS, latencyOfRow, type LatencySumRow } from "./latency-sql";
import { PROBE_TENANT_ID } from "../probe-tenant";

// One page of the tenants a month close covers: every tenant whose service had started by the
// month (a subscription billed from that month or earlier), except the platform's own probe
// tenant and purged ones. With what the rules need about each.

export type CloseTenant = {
  id: string;
  timeZone: string;
  planId: string | null;
  /** "Users" in the contract's 10 % rule: the tenant's active mailboxes at the close. */
  activeMailboxes: number;
  /** Fen the tenant was charged for the month (its monthly charges), which also caps the credit. */
  monthFee: bigint;
  currency: string;
  latency: { send: LatencyDay[]; receive: LatencyDay[] };
};

/**
 * Latency is rolled up per UTC day (LatencyRollup); a tenant's month takes the UTC days of the
 * same calendar month (for Shanghai, 8 hours at each end belong to the neighbouring month: the
 * figures are a mean and a maximum over a month of mail, which those hours do not move).
 */
export async function loadTenantPage(month: string, afterId: string, size: number, latencyDays: { first: Date; last: Date }): Promise<CloseTenant[]> {
  const tenants = await db.tenant.findMany({
    where: {
      id: { gt: afterId, not: PROBE_TENANT_ID },
      purgedAt: null,
      subscriptions: { some: { status: { in: ["active", "cancelled"] }, billingStartMonth: { lte: month } } },
    },
    orderBy: { id: "asc" },
    take: size,
    select: {
      id: true,
      timeZone: true,
      subscriptions: { where: { status: { in: ["active", "cancelled"] } }, orderBy: [{ status: "asc" }, { createdAt: "desc" }], take: 1, select: { planId: true, currency: true } },
    },
  });
  if (!tenants.length) return [];
  const ids = tenants.map((t) => t.id);
  const [mailboxes, charges, latency] = await Promise.all([
    db.mailbox.groupBy({ by: ["tenantId"], where: { tenantId: { in: ids }, status: "active" }, _count: { _all: true } }),
    db.ledgerEntry.groupBy({ by: ["tenantId"], where: { tenantId: { in: ids }, kind: "monthly_charge", billingMonth: month }, _sum: { amount: true } }),
    db.$queryRaw<LatencySumRow[]>`
      SELECT tenantId, direction, SUM(messages) AS messages, SUM(sumMs) AS sumMs, MAX(maxMs) AS maxMs, SUM(overHour) AS overHour, ${Prisma.raw(HISTOGRAM_SUMS)}
      FROM LatencyRollup WHERE tenantId IN (${Prisma.join(ids)}) AND day BETWEEN ${latencyDays.first} AND ${latencyDays.last}
      GROUP BY tenantId, direction`,
  ]);
  const active = new Map(mailboxes.map((m) => [m.tenantId, m._count._all]));
  const charged = new Map(charges.map((c) => [c.tenantId, -(c._sum.amount ?? 0n)]));
  const days = new Map<string, CloseTenant["latency"]>();
  for (const row of latency) {
    const own = days.get(row.tenantId) ?? { send: [], receive: [] };
    (row.direction === "outbound" ? own.send : own.receive).push(latencyOfRow(row));
    days.set(row.tenantId, own);
  }
  return tenants.map((t) => {
    const fee = charged.get(t.id) ?? 0n;
    return {
      id: t.id,
      timeZone: t.timeZone,
      planId: t.subscriptions[0]?.planId ?? null,
      activeMailboxes: active.get(t.id) ?? 0,
      monthFee: fee > 0n ? fee : 0n,
      currency: t.subscriptions[0]?.currency ?? "CNY",
      latency: days.get(t.id) ?? { send: [], receive: [] },
    };
  });
}
