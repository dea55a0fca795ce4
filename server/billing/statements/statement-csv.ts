import { stringify } from "csv-stringify/sync";
import type { LedgerKind } from "@/server/generated/prisma/client.ts";
import type { Locale } from "@/server/shared/locale";
import { dayOf } from "../rules/months";
import type { Statement } from "./get-statement.types";

// A statement is read by people (the customer's accountant), so kinds and headers follow the
// reader's language and times the tenant's calendar; amounts stay plain numbers Excel can sum.

type Labels = { header: string[]; opening: string; closing: string; kinds: Record<LedgerKind, string> };

const LABELS: Record<Locale, (timeZone: string) => Labels> = {
  "zh-CN": (tz) => ({
    header: [`时间 (${tz})`, "类型", "参考号", "账单月份", "金额 (元)", "余额 (元)", "备注"],
    opening: "期初余额",
    closing: "期末余额",
    kinds: { payment: "付款", monthly_charge: "月费", refund: "退款", sla_credit: "SLA 赔偿", adjustment: "调整" },
  }),
  en: (tz) => ({
    header: [`Time (${tz})`, "Kind", "Reference", "Billing month", "Amount (CNY)", "Balance (CNY)", "Note"],
    opening: "Opening balance",
    closing: "Closing balance",
    kinds: { payment: "Payment", monthly_charge: "Monthly fee", refund: "Refund", sla_credit: "SLA credit", adjustment: "Adjustment" },
  }),
};

/** Fen as yuan with two decimals, exact (no floating point): -12345 → "-123.45". */
export function fenToYuan(fen: bigint | number): string {
  const n = BigInt(fen);
  const abs = n < 0n ? -n : n;
  return `${n < 0n ? "-" : ""}${abs / 100n}.${String(abs % 100n).padStart(2, "0")}`;
}

/** "2026-12-01 00:30:00" on the wall clock of `timeZone`. */
export function wallClockTime(instant: Date, timeZone: string): string {
  const time = new Intl.DateTimeFormat("en-GB", { timeZone, timeStyle: "medium", hourCycle: "h23" }).format(instant);
  return `${dayOf(instant, timeZone)} ${time}`;
}

type Cell = string | bigint | null;

/**
 * The statement as CSV text: header, the opening balance, one line per entry with the running
 * balance, the closing balance. Amounts are passed as bigint fen and cast to yuan, which also
 * tells csv-stringify they are numbers: escape_formulas then leaves "-123.45" alone while it
 * still defuses a reference or note beginning with = + - @.
 */
export function statementCsv(statement: Statement, locale: Locale): string {
  const l = LABELS[locale](statement.timeZone);
  const { month, timeZone } = statement;
  const records: Cell[][] = [
    l.header,
    [wallClockTime(statement.periodStart, timeZone), l.opening, null, month, null, BigInt(statement.openingBalance), null],
    ...statement.entries.map((e): Cell[] => [
      wallClockTime(e.occurredAt, timeZone),
      l.kinds[e.kind],
      e.reference,
      e.billingMonth,
      BigInt(e.amount),
      BigInt(e.balanceAfter),
      e.note,
    ]),
    [null, l.closing, null, month, null, BigInt(statement.closingBalance), null],
  ];
  // BOM: Excel reads a BOM-less CSV in the local ANSI code page and garbles Chinese (as audit does).
  return stringify(records, { bom: true, escape_formulas: true, cast: { bigint: (fen) => fenToYuan(fen) } });
}

/** `statement-<tenant>-<month>.csv`, with what a file system refuses taken out of the name. */
export function statementFileName(tenantName: string, month: string): string {
  const safe = tenantName.replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, "_").trim() || "tenant";
  return `statement-${safe}-${month}.csv`;
}
