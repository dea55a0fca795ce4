import { clock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import type { Tx } from "../ledger/money-transaction";
import { getBalance, getLastChargedMonth } from "../ledger/get-balance";
import { dayOf, monthOf } from "../rules/months";
import { daysUntilRunOut, firstUnchargedMonth, projectPaidThrough, type PaidThrough } from "../rules/paid-through";
import { advanceToMonth } from "../rules/service-terms";
import { loadService, type LoadedService } from "../subscriptions/load-service";

export type TenantPaidThrough = {
  balance: number;
  service: LoadedService | null;
  /** Null until the subscription is active and its billing start is known. */
  paidThrough: PaidThrough | null;
  /** Days from today (tenant's calendar) to the first unpaid day; null when not running out. */
  daysLeft: number | null;
  /** The next month to be charged and its fee (one month's fee of the current service). */
  nextMonth: string | null;
  nextMonthFee: number | null;
  lastChargedMonth: string | null;
};

/** Where the tenant's balance carries its service, as the billing run will charge it. */
export async function getPaidThrough(tenantId: string, timeZone: string, tx: Tx = db): Promise<TenantPaidThrough> {
  const [balance, service, lastCharged] = await Promise.all([
    getBalance(tenantId, tx),
    loadService(tenantId, tx),
    getLastChargedMonth(tenantId, tx),
  ]);
  const start = service?.subscription.status === "active" ? service.subscription.billingStartMonth : null;
  if (!service || !start) return { balance, service, paidThrough: null, daysLeft: null, nextMonth: null, nextMonthFee: null, lastChargedMonth: lastCharged };
  const now = clock.now();
  const fromMonth = firstUnchargedMonth(start, lastCharged, monthOf(now, timeZone));
  const paidThrough = projectPaidThrough({ balance, state: service.state, change: service.change, fromMonth, lastChargedMonth: lastCharged });
  return {
    balance,
    service,
    paidThrough,
    daysLeft: daysUntilRunOut(paidThrough, dayOf(now, timeZone)),
    nextMonth: fromMonth,
    nextMonthFee: advanceToMonth(service.state, service.change, fromMonth).fee,
    lastChargedMonth: lastCharged,
  };
}
