import { clock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { DomainError, say } from "@/server/shared/errors";
import { toFen } from "@/server/shared/money";
import { addMonths, monthOf, type Month } from "@/server/billing/rules/months";
import { occurredIn } from "@/server/billing/ledger/list-ledger-entries";
import { RESELLER_TIME_ZONE, type ResellerEntryView, type ResellerTotals } from "./account.types";
import { addToTotals, emptyTotals, findReseller, toEntryViews } from "./reseller-entry-view";

export type ResellerStatement = {
  resellerId: string;
  resellerName: string;
  timeZone: string;
  month: Month;
  currency: string;
  periodStart: Date;
  periodEnd: Date;
  openingBalance: number;
  closingBalance: number;
  /** What it owes the platform at the end of the month (the closing balance when negative). */
  closingOwed: number;
  totals: ResellerTotals;
  entries: Array<ResellerEntryView & { balanceAfter: number }>;
};

/**
 * A reseller's statement for one calendar month (Asia/Shanghai): opening balance (the sum of all
 * before), the month's entries with the balance after each, closing balance, and what its
 * clients paid, what it owes and what it earned. Opening + entries = closing by construction.
 */
export async function getResellerStatement(resellerId: string, month: Month): Promise<ResellerStatement> {
  const reseller = await findReseller(resellerId);
  const current = monthOf(clock.now(), RESELLER_TIME_ZONE);
  if (month > current) {
    const text = say(`There is no statement for ${month} yet: the latest is ${current}, the month in progress`, `${month} 的对账单尚未生成；最新的是进行中的 ${current}`);
    throw new DomainError("BAD_INPUT", text, { month: [text] });
  }
  const period = occurredIn(month, RESELLER_TIME_ZONE);
  const [before, rows] = await Promise.all([
    db.resellerLedgerEntry.aggregate({ where: { resellerId, occurredAt: { lt: period.gte } }, _sum: { amount: true } }),
    db.resellerLedgerEntry.findMany({ where: { resellerId, occurredAt: period }, orderBy: [{ occurredAt: "asc" }, { id: "asc" }] }),
  ]);
  const openingBalance = toFen(before._sum.amount ?? 0n);
  const totals = emptyTotals();
  let running = openingBalance;
  const entries = (await toEntryViews(rows)).map((e) => {
    running += e.amount;
    addToTotals(totals, e);
    return { ...e, balanceAfter: running };
  });
  return {
    resellerId,
    resellerName: reseller.name,
    timeZone: RESELLER_TIME_ZONE,
    month,
    currency: reseller.currency,
    periodStart: period.gte,
    periodEnd: period.lt,
    openingBalance,
    closingBalance: running,
    closingOwed: running < 0 ? -running : 0,
    totals,
    entries,
  };
}

/** The months a reseller has a statement for, newest first (the month in progress at least). */
export async function listResellerStatementMonths(resellerId: string): Promise<Month[]> {
  await findReseller(resellerId);
  const current = monthOf(clock.now(), RESELLER_TIME_ZONE);
  const first = await db.resellerLedgerEntry.findFirst({ where: { resellerId }, orderBy: { occurredAt: "asc" }, select: { occurredAt: true } });
  const from = first ? monthOf(first.occurredAt, RESELLER_TIME_ZONE) : current;
  const months: Month[] = [];
  for (let m = current; m >= from; m = addMonths(m, -1)) months.push(m);
  return months;
}
