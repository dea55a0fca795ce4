import { clock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { DomainError } from "@/server/shared/errors";
import { toFen } from "@/server/shared/money";
import { addMonths, monthOf, type Month } from "../rules/months";
import { occurredIn, tenantTimeZone, toLedgerEntryView } from "../ledger/list-ledger-entries";
import { LEDGER_KINDS } from "../ledger/list-ledger-entries.types";
import type { Statement, StatementEntry } from "./get-statement.types";

const DEFAULT_CURRENCY = "CNY";

/**
 * A tenant's statement for one calendar month of its own time zone: the balance at 00:00 on the
 * 1st (the sum of everything before), the month's entries with the balance after each, and the
 * balance at the end. Opening + entries = closing by construction, and next month's opening is
 * this month's closing, since both are sums over the same append-only ledger.
 */
export async function getStatement(tenantId: string, month: Month): Promise<Statement> {
  const { name, timeZone } = await tenantTimeZone(tenantId);
  const current = monthOf(clock.now(), timeZone);
  if (month > current) {
    const message = `There is no statement for ${month} yet: the latest is ${current}, the month in progress`;
    throw new DomainError("BAD_INPUT", message, { month: [message] });
  }
  const period = occurredIn(month, timeZone);
  const [before, rows] = await Promise.all([
    db.ledgerEntry.aggregate({ where: { tenantId, occurredAt: { lt: period.gte } }, _sum: { amount: true } }),
    db.ledgerEntry.findMany({ where: { tenantId, occurredAt: period }, orderBy: [{ occurredAt: "asc" }, { id: "asc" }] }),
  ]);
  const openingBalance = toFen(before._sum.amount ?? 0n);
  const totals = Object.fromEntries(LEDGER_KINDS.map((k) => [k, 0])) as Statement["totals"];
  let running = openingBalance;
  const entries: StatementEntry[] = rows.map((row) => {
    const view = toLedgerEntryView(row);
    running += view.amount;
    totals[view.kind] += view.amount;
    return { ...view, balanceAfter: running };
  });
  return {
    tenantId,
    tenantName: name,
    timeZone,
    month,
    currency: entries[0]?.currency ?? DEFAULT_CURRENCY,
    periodStart: period.gte,
    periodEnd: period.lt,
    openingBalance,
    closingBalance: running,
    totals,
    entries,
  };
}

/**
 * The months a tenant has a statement for, newest first: from the month of its first ledger
 * entry to the month in progress (which alone is listed when the ledger is still empty).
 */
export async function listStatementMonths(tenantId: string): Promise<Month[]> {
  const { timeZone } = await tenantTimeZone(tenantId);
  const current = monthOf(clock.now(), timeZone);
  const first = await db.ledgerEntry.findFirst({ where: { tenantId }, orderBy: { occurredAt: "asc" }, select: { occurredAt: true } });
  const months: Month[] = [];
  const from = first ? monthOf(first.occurredAt, timeZone) : current;
  for (let m = current; m >= from; m = addMonths(m, -1)) months.push(m);
  return months;
}
