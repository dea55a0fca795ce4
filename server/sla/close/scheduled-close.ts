import { addMonths, monthOf } from "@/server/billing/rules/months";
import { clock } from "@/server/shared/clock";
import { closeSlaMonth, type CloseMonthResult } from "./close-month";

/**
 * The job's close: the month that ended before today (UTC). Run on the 1st, after the previous
 * day is sealed and its latency rolled up, and again on the 2nd for tenants whose month (in
 * zones west of UTC) had not ended yet on the 1st; the second run recomputes the first's months
 * identically.
 */
export function closePreviousMonth(): Promise<CloseMonthResult> {
  const month = addMonths(monthOf(clock.now(), "UTC"), -1);
  return closeSlaMonth({ month, trigger: "schedule" });
}
