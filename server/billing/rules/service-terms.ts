import { monthlyFee } from "./fees";
import { addMonths, type Month } from "./months";

// What a subscription charges month by month. The billing run advances the stored state with
// `advanceToMonth` and the previews (paid-through date, resize) run the very same function
// forward, so what a preview says is what the run later charges.

export type ServiceState = {
  seats: number;
  /** The current term's price, fixed when the term was paid. */
  pricePerSeatYear: number;
  /** First month after the prepaid term; from it on the renewal price applies. Null: no term yet. */
  termEndMonth: Month | null;
  /** The plan's price of the day: what a renewal will lock for the next twelve months. */
  renewalPricePerSeatYear: number;
};

/** A resize scheduled for the 1st of `effectiveMonth`, at the price its preview showed. */
export type ScheduledChange = {
  effectiveMonth: Month;
  seats: number;
  pricePerSeatYear: number;
  /** The target plan's price of the day, for renewals after the change. */
  renewalPricePerSeatYear: number;
};

export type MonthStep = {
  state: ServiceState;
  fee: number;
  changeApplied: boolean;
  renewed: boolean;
};

/**
 * The state in force for `month` and that month's fee. A scheduled change due by then applies
 * first; then, if the term has ended, the service renews for twelve months at the renewal price
 * (a price change reaches renewals, never a paid term).
 */
export function advanceToMonth(state: ServiceState, change: ScheduledChange | null, month: Month): MonthStep {
  let next = state;
  const changeApplied = change !== null && month >= change.effectiveMonth;
  if (changeApplied) {
    next = {
      ...next,
      seats: change.seats,
      pricePerSeatYear: change.pricePerSeatYear,
      renewalPricePerSeatYear: change.renewalPricePerSeatYear,
    };
  }
  const renewed = next.termEndMonth !== null && month >= next.termEndMonth;
  if (renewed) {
    let termEnd = next.termEndMonth!;
    while (termEnd <= month) termEnd = addMonths(termEnd, 12);
    next = { ...next, pricePerSeatYear: next.renewalPricePerSeatYear, termEndMonth: termEnd };
  }
  return { state: next, fee: monthlyFee(next.seats, next.pricePerSeatYear, month), changeApplied, renewed };
}

/** The charges from `fromMonth` on, one per month, for `count` months. */
export function projectCharges(
  state: ServiceState,
  change: ScheduledChange | null,
  fromMonth: Month,
  count: number,
): { month: Month; fee: number }[] {
  const out: { month: Month; fee: number }[] = [];
  let current = state;
  let pending = change;
  for (let i = 0; i < count; i++) {
    const month = addMonths(fromMonth, i);
    const step = advanceToMonth(current, pending, month);
    current = step.state;
    if (step.changeApplied) pending = null;
    out.push({ month, fee: step.fee });
  }
  return out;
}
