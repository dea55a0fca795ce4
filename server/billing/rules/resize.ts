import { DomainError } from "@/server/shared/errors";
import { formatFen } from "@/server/shared/money";
import { yearlyFee } from "./fees";
import { addMonths, firstDayOf, maxMonth, type Day, type Month } from "./months";
import { firstUnchargedMonth, projectPaidThrough, type PaidThrough } from "./paid-through";
import { assertAllowedSeats, ceilAllowedSeats } from "./seat-tiers";
import { advanceToMonth, type ScheduledChange, type ServiceState } from "./service-terms";

// Seed 002 appendix A (服务变更): the customer changes seats or plan online; the system shows the
// remaining balance, the new renewal date and the new yearly fee before confirming; the change
// applies from the 1st of next month; it is refused when the balance is below one month's fee
// of the current service. Issue 4 adds: never fewer seats than existing mailboxes.

export type ResizeInput = {
  currentMonth: Month;
  balance: number;
  state: ServiceState;
  billingStartMonth: Month;
  lastChargedMonth: Month | null;
  samePlan: boolean;
  toSeats: number;
  /** The target plan's price of the day. */
  toPlanPricePerSeatYear: number;
  mailboxCount: number;
};

export type ResizePreview = {
  effectiveMonth: Month;
  effectiveDay: Day;
  balance: number;
  currentMonthlyFee: number;
  newMonthlyFee: number;
  newYearlyFee: number;
  change: ScheduledChange;
  before: PaidThrough;
  after: PaidThrough;
};

/** Validates a resize and computes its preview; throws DomainError naming the rule broken. */
export function previewResize(input: ResizeInput): ResizePreview {
  const { state, toSeats } = input;
  assertAllowedSeats(toSeats, "seats");
  if (input.samePlan && toSeats === state.seats) {
    throw new DomainError("BAD_INPUT", "This is the plan and seat count you already have", {
      seats: ["Choose a different seat count or plan"],
    });
  }
  if (toSeats < input.mailboxCount) {
    const least = ceilAllowedSeats(input.mailboxCount);
    const message = `You have ${input.mailboxCount} mailboxes, more than ${toSeats} seats: remove mailboxes first, or choose at least ${least} seats`;
    throw new DomainError("PRECONDITION_FAILED", message, { seats: [message] });
  }
  // A change always starts on a 1st; never before billing itself starts.
  const effectiveMonth = maxMonth(addMonths(input.currentMonth, 1), input.billingStartMonth);
  const currentMonthlyFee = advanceToMonth(state, null, effectiveMonth).fee;
  if (input.balance < currentMonthlyFee) {
    throw new DomainError(
      "PRECONDITION_FAILED",
      `Your balance ${formatFen(input.balance)} is below one month's fee of your current service (${formatFen(currentMonthlyFee)}): top up before changing it`,
    );
  }
  const change: ScheduledChange = {
    effectiveMonth,
    seats: toSeats,
    // Same plan: the term's price stays (the customer paid for this term at it). New plan: its price of the day.
    pricePerSeatYear: input.samePlan ? state.pricePerSeatYear : input.toPlanPricePerSeatYear,
    renewalPricePerSeatYear: input.toPlanPricePerSeatYear,
  };
  const fromMonth = firstUnchargedMonth(input.billingStartMonth, input.lastChargedMonth, input.currentMonth);
  const newStep = advanceToMonth(state, change, effectiveMonth);
  return {
    effectiveMonth,
    effectiveDay: firstDayOf(effectiveMonth),
    balance: input.balance,
    currentMonthlyFee,
    newMonthlyFee: newStep.fee,
    newYearlyFee: yearlyFee(newStep.state.seats, newStep.state.pricePerSeatYear),
    change,
    before: projectPaidThrough({ balance: input.balance, state, change: null, fromMonth, lastChargedMonth: input.lastChargedMonth }),
    after: projectPaidThrough({ balance: input.balance, state, change, fromMonth, lastChargedMonth: input.lastChargedMonth }),
  };
}
