import { clock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { env } from "@/server/shared/env";
import { toFen } from "@/server/shared/money";
import { addMonths, monthOf, monthStart, type Month } from "../rules/months";

export type BillingSummary = {
  /** The prepayment all tenants hold together: the sum of every ledger entry, in fen (CNY, the only currency booked). */
  totalBalance: number;
  /**
   * Tenants by where they are in the lifecycle; the groups do not overlap and add up to `total`.
   * A purged tenant keeps status frozen, so it is told apart by purgedAt. A suspension without a
   * reason (none is written so, but the column allows it) counts in `suspended` only.
   */
  tenants: {
    total: number;
    active: number;
    suspended: number;
    suspendedNonPayment: number;
    suspendedOperator: number;
    frozen: number;
    purged: number;
  };
  /** Subscriptions in status active (paid; a purge cancels them) and the seats they pay for. */
  subscriptions: { active: number; seats: number };
  /** Payments booked this calendar month of the platform's zone (TZ_DEFAULT), up to now. */
  paymentsThisMonth: { month: Month; timeZone: string; count: number; amount: number };
};

type TenantCounts = { [K in keyof BillingSummary["tenants"]]: bigint | number | null };

/** One pass over Tenant; COUNT gives BIGINT, hence Number() below. */
function countTenants() {
  return db.$queryRaw<TenantCounts[]>`
    SELECT
      COUNT(*) AS total,
      COUNT(CASE WHEN purgedAt IS NULL AND status = 'active' THEN 1 END) AS active,
      COUNT(CASE WHEN purgedAt IS NULL AND status = 'suspended' THEN 1 END) AS suspended,
      COUNT(CASE WHEN purgedAt IS NULL AND status = 'suspended' AND suspendedReason = 'non_payment' THEN 1 END) AS suspendedNonPayment,
      COUNT(CASE WHEN purgedAt IS NULL AND status = 'suspended' AND suspendedReason = 'operator' THEN 1 END) AS suspendedOperator,
      COUNT(CASE WHEN purgedAt IS NULL AND status = 'frozen' THEN 1 END) AS frozen,
      COUNT(CASE WHEN purgedAt IS NOT NULL THEN 1 END) AS purged
    FROM Tenant`;
}

/** The figures at the top of the operators' billing page, in a handful of aggregate queries. */
export async function getBillingSummary(): Promise<BillingSummary> {
  const timeZone = env().TZ_DEFAULT;
  const month = monthOf(clock.now(), timeZone);
  // [start of this month, start of the next) in the zone: a payment at 00:30 on the 1st in
  // Shanghai is still the previous month in UTC, and belongs to this one.
  const received = { gte: monthStart(month, timeZone), lt: monthStart(addMonths(month, 1), timeZone) };
  const [balance, [counts], subscriptions, payments] = await Promise.all([
    db.ledgerEntry.aggregate({ _sum: { amount: true } }),
    countTenants(),
    db.subscription.aggregate({ where: { status: "active" }, _count: { _all: true }, _sum: { seats: true } }),
    db.ledgerEntry.aggregate({ where: { kind: "payment", occurredAt: received }, _count: { _all: true }, _sum: { amount: true } }),
  ]);
  const tenants = Object.fromEntries(Object.entries(counts!).map(([k, v]) => [k, Number(v ?? 0)])) as BillingSummary["tenants"];
  return {
    totalBalance: toFen(balance._sum.amount ?? 0n),
    tenants,
    subscriptions: { active: subscriptions._count._all, seats: subscriptions._sum.seats ?? 0 },
    paymentsThisMonth: { month, timeZone, count: payments._count._all, amount: toFen(payments._sum.amount ?? 0n) },
  };
}
