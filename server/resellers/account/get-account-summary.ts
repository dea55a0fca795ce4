import { clock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { toFen } from "@/server/shared/money";
import { addMonths, monthOf, monthStart, type Month } from "@/server/billing/rules/months";
import { RESELLER_TIME_ZONE, type ResellerTotals } from "./account.types";
import { creditPosition } from "./on-account-rules";
import { resellerBalance } from "./reseller-ledger";
import { addToTotals, emptyTotals, findReseller } from "./reseller-entry-view";

export type AccountSummary = {
  resellerId: string;
  name: string;
  status: "active" | "suspended";
  currency: string;
  discountBps: number;
  /** Sum of its ledger in its currency: negative = it owes the platform, positive = the platform owes it. */
  balance: number;
  owed: number;
  creditLimit: number;
  /** limit + balance (at least 0): what orders on account may still cost, as the order check counts it. */
  available: number;
  month: Month;
  thisMonth: ResellerTotals;
  /** The last 12 months, oldest first, for the chart. */
  history: Array<{ month: Month } & ResellerTotals>;
};

/** The reseller's account at a glance: balance against its credit limit, and its months' money. */
export async function getAccountSummary(resellerId: string): Promise<AccountSummary> {
  const reseller = await findReseller(resellerId);
  const month = monthOf(clock.now(), RESELLER_TIME_ZONE);
  const first = addMonths(month, -11);
  const [balance, rows] = await Promise.all([
    resellerBalance(db, resellerId, reseller.currency),
    db.resellerLedgerEntry.findMany({
      where: { resellerId, occurredAt: { gte: monthStart(first, RESELLER_TIME_ZONE), lt: monthStart(addMonths(month, 1), RESELLER_TIME_ZONE) } },
      select: { kind: true, amount: true, clientAmount: true, wholesaleAmount: true, marginAmount: true, occurredAt: true },
    }),
  ]);
  const byMonth = new Map<Month, ResellerTotals>();
  for (let m = first; m <= month; m = addMonths(m, 1)) byMonth.set(m, emptyTotals());
  for (const r of rows) {
    const totals = byMonth.get(monthOf(r.occurredAt, RESELLER_TIME_ZONE));
    if (!totals) continue;
    const n = (v: bigint | null) => (v === null ? null : toFen(v));
    addToTotals(totals, { kind: r.kind, amount: toFen(r.amount), clientAmount: n(r.clientAmount), wholesaleAmount: n(r.wholesaleAmount), marginAmount: n(r.marginAmount) });
  }
  const position = creditPosition(balance, toFen(reseller.creditLimit));
  return {
    resellerId: reseller.id,
    name: reseller.name,
    status: reseller.status,
    currency: reseller.currency,
    discountBps: reseller.discountBps,
    ...position,
    month,
    thisMonth: byMonth.get(month)!,
    history: [...byMonth].map(([m, t]) => ({ month: m, ...t })),
  };
}
