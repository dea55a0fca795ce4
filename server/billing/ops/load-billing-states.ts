import { Prisma } from "@/server/generated/prisma/client.ts";
import { clock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { toFen } from "@/server/shared/money";
import { dayOf, monthOf, type Day, type Month } from "../rules/months";
import { daysUntilRunOut, firstUnchargedMonth, projectPaidThrough } from "../rules/paid-through";
import { advanceToMonth, type ScheduledChange, type ServiceState } from "../rules/service-terms";

export type TenantBillingState = {
  balance: number;
  plan: { id: string; code: string; name: string } | null;
  subscriptionStatus: "pending" | "active" | null;
  seats: number | null;
  pricePerSeatYear: number | null;
  /** The next month to charge and its fee; null until the subscription is active and started. */
  nextMonth: Month | null;
  monthlyFee: number | null;
  paidThroughDay: Day | null;
  daysLeft: number | null;
};

type TenantRef = { id: string; timeZone: string };

const CHUNK = 500;

/** Balance and last charged month of many tenants: one grouped query. */
async function ledgerSums(ids: string[]) {
  const rows = await db.$queryRaw<{ tenantId: string; balance: bigint | number | string | null; lastCharged: string | null }[]>`
    SELECT tenantId, SUM(amount) AS balance, MAX(CASE WHEN kind = 'monthly_charge' THEN billingMonth END) AS lastCharged
    FROM LedgerEntry WHERE tenantId IN (${Prisma.join(ids)}) GROUP BY tenantId`;
  return new Map(rows.map((r) => [r.tenantId, { balance: toFen(BigInt(r.balance ?? 0)), lastCharged: r.lastCharged }]));
}

/** Each tenant's live subscription (newest pending or active, as loadService picks) and scheduled change. */
async function services(ids: string[]) {
  const subs = await db.subscription.findMany({
    where: { tenantId: { in: ids }, status: { in: ["pending", "active"] } },
    include: { plan: true },
    orderBy: { createdAt: "desc" },
  });
  const live = new Map<string, (typeof subs)[number]>();
  for (const s of subs) if (!live.has(s.tenantId)) live.set(s.tenantId, s);
  const resizes = await db.resizeChange.findMany({ where: { subscriptionId: { in: [...live.values()].map((s) => s.id) }, status: "scheduled" } });
  const targets = await db.plan.findMany({ where: { id: { in: resizes.map((r) => r.toPlanId) } }, select: { id: true, pricePerSeatYear: true } });
  const renewalPrice = new Map(targets.map((p) => [p.id, p.pricePerSeatYear]));
  const changes = new Map<string, ScheduledChange>();
  for (const r of resizes) {
    const renewal = renewalPrice.get(r.toPlanId);
    if (renewal === undefined) continue;
    changes.set(r.subscriptionId, { effectiveMonth: r.effectiveMonth, seats: r.toSeats, pricePerSeatYear: r.pricePerSeatYear, renewalPricePerSeatYear: renewal });
  }
  return { live, changes };
}

/**
 * What the operators' lists show per tenant, for a page of tenants at once: the same rules as
 * getPaidThrough (first uncharged month, projection, next fee), fed by a handful of grouped
 * queries instead of several queries per tenant.
 */
export async function loadBillingStates(tenants: TenantRef[]): Promise<Map<string, TenantBillingState>> {
  const out = new Map<string, TenantBillingState>();
  const now = clock.now();
  for (let i = 0; i < tenants.length; i += CHUNK) {
    const chunk = tenants.slice(i, i + CHUNK);
    const ids = chunk.map((t) => t.id);
    const [sums, { live, changes }] = await Promise.all([ledgerSums(ids), services(ids)]);
    for (const t of chunk) {
      const { balance = 0, lastCharged = null } = sums.get(t.id) ?? {};
      const sub = live.get(t.id);
      const state: TenantBillingState = {
        balance,
        plan: sub ? { id: sub.plan.id, code: sub.plan.code, name: sub.plan.name } : null,
        subscriptionStatus: sub ? (sub.status as "pending" | "active") : null,
        seats: sub?.seats ?? null,
        pricePerSeatYear: sub?.pricePerSeatYear ?? null,
        nextMonth: null,
        monthlyFee: null,
        paidThroughDay: null,
        daysLeft: null,
      };
      if (sub?.status === "active" && sub.billingStartMonth) {
        const service: ServiceState = {
          seats: sub.seats,
          pricePerSeatYear: sub.pricePerSeatYear,
          termEndMonth: sub.termEndMonth,
          renewalPricePerSeatYear: sub.plan.pricePerSeatYear,
        };
        const change = changes.get(sub.id) ?? null;
        const fromMonth = firstUnchargedMonth(sub.billingStartMonth, lastCharged, monthOf(now, t.timeZone));
        const paid = projectPaidThrough({ balance, state: service, change, fromMonth });
        state.nextMonth = fromMonth;
        state.monthlyFee = advanceToMonth(service, change, fromMonth).fee;
        state.paidThroughDay = paid.paidThroughDay;
        state.daysLeft = daysUntilRunOut(paid, dayOf(now, t.timeZone));
      }
      out.set(t.id, state);
    }
  }
  return out;
}
