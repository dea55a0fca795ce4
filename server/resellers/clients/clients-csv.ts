import { stringify } from "csv-stringify/sync";
import type { TenantStatus } from "@/server/generated/prisma/enums.ts";
import type { Locale } from "@/server/shared/locale";
import { BOM } from "@/server/tenants/imports/download-import-files";
import type { ClientRow } from "./client-row.types";

// The dashboard's table as CSV for Excel: UTF-8 with a BOM (without it Chinese Excel reads GBK and
// garbles names), headers in the reader's language, money in yuan with two decimals.

const HEADER: Record<Locale, string[]> = {
  "zh-CN": ["客户名称", "所属经销商", "状态", "套餐", "席位", "余额(元)", "预付至", "余额不足", "问题域名数", "问题域名", "SLA 月份", "SLA 违约项", "管理员邮箱", "邀请待接受", "创建时间"],
  en: ["Client", "Reseller", "Status", "Plan", "Seats", "Balance (CNY)", "Paid through", "Low balance", "Problem domains", "Problem domain names", "SLA month", "SLA breaches", "Administrator e-mail", "Invitation pending", "Created"],
};

const STATUS: Record<Locale, Record<TenantStatus, string>> = {
  "zh-CN": { active: "正常", suspended: "暂停", frozen: "冻结期" },
  en: { active: "active", suspended: "suspended", frozen: "frozen" },
};

const YES_NO: Record<Locale, [string, string]> = { "zh-CN": ["是", "否"], en: ["yes", "no"] };

/** Fen as plain yuan ("-1234.50"): a number Excel sums, without grouping or a currency sign. */
export function yuan(fen: number): string {
  const sign = fen < 0 ? "-" : "";
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** Text a person typed (names, e-mails) cannot start a formula in Excel; numbers stay numbers (a negative balance too). */
const text = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

const day = (d: Date, timeZone: string) => new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(d);

export function clientsCsv(rows: ClientRow[], locale: Locale, timeZone: string): string {
  const yesNo = (b: boolean) => YES_NO[locale][b ? 0 : 1];
  const lines = rows.map((r) => [
    text(r.name),
    text(r.owner.name),
    STATUS[locale][r.status],
    text(r.plan?.name ?? ""),
    r.seats === null ? "" : String(r.seats),
    yuan(r.balance),
    r.paidThroughDay ?? "",
    yesNo(r.lowBalance),
    String(r.problemDomains.count),
    text(r.problemDomains.names.join(";")),
    r.slaMonth,
    String(r.slaBreaches),
    text(r.admin?.email ?? ""),
    yesNo(r.invitationPending),
    day(r.createdAt, timeZone),
  ]);
  return BOM + stringify([HEADER[locale], ...lines]);
}
