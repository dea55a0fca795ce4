import { addMonths, monthOf, type Month } from "./months";

// Seed 002 appendix A (服务开通): a new customer whose order succeeds in month N is billed from
// the 1st of month N+1; a customer who already uses its domain elsewhere starts when the
// domain's MX points at us, so it is billed from the 1st of the month after that.

export type StartRule = "on_payment" | "on_mx_verified";

/**
 * The first billed month, or null while a customer who chose to start on MX still waits for
 * its domain. When both events are known, billing starts after the later one: the service is
 * neither billed before it is paid nor before the customer's mail reaches us.
 */
export function billingStartMonth(rule: StartRule, paidAt: Date, mxVerifiedAt: Date | null, tz: string): Month | null {
  if (rule === "on_payment") return addMonths(monthOf(paidAt, tz), 1);
  if (!mxVerifiedAt) return null;
  const later = mxVerifiedAt > paidAt ? mxVerifiedAt : paidAt;
  return addMonths(monthOf(later, tz), 1);
}

/** The prepaid term ends `termYears` years after billing starts. */
export const termEndMonth = (start: Month, termYears: number): Month => addMonths(start, 12 * termYears);
