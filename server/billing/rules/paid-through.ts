import { projectCharges, type ScheduledChange, type ServiceState } from "./service-terms";
import { addMonths, daysBetween, firstDayOf, lastDayOf, type Day, type Month } from "./months";

/** Far enough ahead for any real balance; a balance lasting longer is reported as capped. */
export const PROJECTION_MONTHS = 1_200;

export type PaidThrough = {
  /** The last month the balance pays in full, or null when it cannot pay the next one. */
  lastPaidMonth: Month | null;
  /** Last day of that month in the tenant's calendar. */
  paidThroughDay: Day | null;
  /** The month the balance runs out (first month it cannot pay); null when capped. */
  runsOutMonth: Month | null;
  /** The first day the service is unpaid: the 1st of runsOutMonth. */
  runsOutDay: Day | null;
  /** What the balance has left after the last paid month. */
  leftover: number;
  capped: boolean;
};

/**
 * How far a balance carries the service: months are paid in order, each in full or not at all
 * (a month the balance cannot pay suspends the tenant, seed 002 appendix A).
 */
export function projectPaidThrough(input: {
  balance: number;
  state: ServiceState;
  change: ScheduledChange | null;
  /** The first month not charged yet. */
  fromMonth: Month;
  /** The last month already charged: still paid through it when the balance covers nothing more. */
  lastChargedMonth?: Month | null;
}): PaidThrough {
  let left = input.balance;
  let lastPaid: Month | null = input.lastChargedMonth ?? null;
  const charges = projectCharges(input.state, input.change, input.fromMonth, PROJECTION_MONTHS);
  for (const { month, fee } of charges) {
    if (left < fee) {
      return {
        lastPaidMonth: lastPaid,
        paidThroughDay: lastPaid && lastDayOf(lastPaid),
        runsOutMonth: month,
        runsOutDay: firstDayOf(month),
        leftover: left,
        capped: false,
      };
    }
    left -= fee;
    lastPaid = month;
  }
  return { lastPaidMonth: lastPaid, paidThroughDay: lastPaid && lastDayOf(lastPaid), runsOutMonth: null, runsOutDay: null, leftover: left, capped: true };
}

/** Days from `today` until the balance runs out; null when it never does within the projection. */
export function daysUntilRunOut(paid: PaidThrough, today: Day): number | null {
  return paid.runsOutDay === null ? null : daysBetween(today, paid.runsOutDay);
}

/** The first month to charge: never before the start, never a month already charged or passed. */
export function firstUnchargedMonth(billingStartMonth: Month, lastChargedMonth: Month | null, currentMonth: Month): Month {
  const afterLast = lastChargedMonth ? addMonths(lastChargedMonth, 1) : billingStartMonth;
  return [billingStartMonth, afterLast, currentMonth].reduce((a, b) => (b > a ? b : a));
}
