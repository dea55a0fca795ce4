import type { BillingOverview } from "@/server/billing/account/get-billing-overview";
import type { CatalogueRow } from "@/server/billing/plans/list-catalogue";
import { addMonths, type Month } from "@/server/billing/rules/months";
import { projectCharges, type ScheduledChange, type ServiceState } from "@/server/billing/rules/service-terms";

export type BalancePoint = { month: Month; balance: number; fee: number | null };

export type BalanceProjection = {
  points: BalancePoint[];
  /** The first month the balance cannot pay; null when it lasts beyond the months shown. */
  runsOutMonth: Month | null;
  truncated: boolean;
};

/** The months the chart shows at most: three years read well; the paid-through date says the rest. */
export const CHART_MONTHS = 36;

/**
 * The balance month by month as the billing run will charge it, from the same pure rules the
 * server projects the paid-through date with (the rule inputs are rebuilt from the overview as
 * server/billing/subscriptions/load-service.ts builds them), so the chart ends where the date says.
 */
export function projectBalance(overview: BillingOverview, catalogue: readonly CatalogueRow[], limit = CHART_MONTHS): BalanceProjection | null {
  const sub = overview.subscription;
  if (!sub || sub.status !== "active" || !overview.nextMonth) return null;
  const state: ServiceState = {
    seats: sub.seats,
    pricePerSeatYear: sub.pricePerSeatYear,
    termEndMonth: sub.termEndMonth,
    renewalPricePerSeatYear: sub.plan.pricePerSeatYear,
  };
  const scheduled = overview.scheduledChange;
  const targetPrice = (planId: string) =>
    planId === sub.plan.id ? sub.plan.pricePerSeatYear : catalogue.find((p) => p.id === planId)?.pricePerSeatYear;
  const change: ScheduledChange | null = scheduled && {
    effectiveMonth: scheduled.effectiveMonth,
    seats: scheduled.toSeats,
    pricePerSeatYear: scheduled.pricePerSeatYear,
    renewalPricePerSeatYear: targetPrice(scheduled.toPlanId) ?? scheduled.pricePerSeatYear,
  };
  let left = overview.balance;
  const points: BalancePoint[] = [{ month: addMonths(overview.nextMonth, -1), balance: left, fee: null }];
  for (const { month, fee } of projectCharges(state, change, overview.nextMonth, limit)) {
    if (left < fee) return { points, runsOutMonth: month, truncated: false };
    left -= fee;
    points.push({ month, balance: left, fee });
  }
  return { points, runsOutMonth: null, truncated: true };
}
