import { stringify } from "csv-stringify/sync";
import type { ResellerLedgerKind } from "@/server/generated/prisma/client.ts";
import type { Locale } from "@/server/shared/locale";
import { fenToYuan, wallClockTime } from "@/server/billing/statements/statement-csv";
import type { ResellerStatement } from "./get-reseller-statement";

// Read by the reseller's accountant, like the tenants' statements: headers and kinds in the
// reader's language, times in Asia/Shanghai, amounts as plain yuan numbers Excel can sum.

type Labels = { header: string[]; opening: string; closing: string; totals: string[]; kinds: Record<ResellerLedgerKind, string> };

const LABELS: Record<Locale, (tz: string) => Labels> = {
  "zh-CN": (tz) => ({
    header: [`时间 (${tz})`, "类型", "客户", "参考号", "客户价 (元)", "批发价 (元)", "利润 (元)", "金额 (元)", "余额 (元)", "备注"],
    opening: "期初余额",
    closing: "期末余额",
    totals: ["客户支付合计", "批发价合计", "利润合计", "应付平台", "本月付款"],
    kinds: { wholesale_charge: "批发扣款", margin_credit: "利润入账", override_credit: "下级分成", payment: "付款", adjustment: "调整" },
  }),
  en: (tz) => ({
    header: [`Time (${tz})`, "Kind", "Client", "Reference", "Client price (CNY)", "Wholesale (CNY)", "Margin (CNY)", "Amount (CNY)", "Balance (CNY)", "Note"],
    opening: "Opening balance",
    closing: "Closing balance",
    totals: ["Clients paid", "Wholesale", "Margin", "Owed to the platform", "Paid this month"],
    kinds: { wholesale_charge: "Wholesale charge", margin_credit: "Margin credit", override_credit: "Override credit", payment: "Payment", adjustment: "Adjustment" },
  }),
};

type Cell = string | bigint | null;
const b = (n: number | null) => (n === null ? null : BigInt(n));

/** The statement as CSV: opening, one line per entry with the running balance, closing, then the totals. */
export function resellerStatementCsv(s: ResellerStatement, locale: Locale): string {
  const l = LABELS[locale](s.timeZone);
  const blank = (label: string, value: number): Cell[] => [null, label, null, s.month, null, null, null, null, BigInt(value), null];
  const records: Cell[][] = [
    l.header,
    [wallClockTime(s.periodStart, s.timeZone), l.opening, null, s.month, null, null, null, null, BigInt(s.openingBalance), null],
    ...s.entries.map((e): Cell[] => [
      wallClockTime(e.occurredAt, s.timeZone),
      l.kinds[e.kind],
      e.tenantName ?? e.tenantId,
      e.reference,
      b(e.clientAmount),
      b(e.wholesaleAmount),
      b(e.marginAmount),
      BigInt(e.amount),
      BigInt(e.balanceAfter),
      e.note,
    ]),
    blank(l.closing, s.closingBalance),
    [],
    ...[s.totals.clientPaid, s.totals.wholesale, s.totals.margin, s.closingOwed, s.totals.paid].map((v, i): Cell[] => [null, l.totals[i]!, null, s.month, null, null, null, BigInt(v), null, null]),
  ];
  // BOM: Excel reads a BOM-less CSV in the local ANSI code page and garbles Chinese.
  return stringify(records, { bom: true, escape_formulas: true, cast: { bigint: (fen) => fenToYuan(fen) } });
}

/** `reseller-statement-<name>-<month>.csv`, with what a file system refuses taken out. */
export function resellerStatementFileName(name: string, month: string): string {
  const safe = name.replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, "_").trim() || "reseller";
  return `reseller-statement-${safe}-${month}.csv`;
}
