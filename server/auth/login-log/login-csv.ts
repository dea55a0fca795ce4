import type { Locale } from "@/server/shared/locale";
import type { LoginLogRow } from "./login-log-row";

// The login-log export's columns, in order. Values stay machine-readable (UTC ISO time, channel
// and result codes, the whole User-Agent); only the header follows the requester's language.
const COLUMNS = [
  { "zh-CN": "时间 (UTC)", en: "Time (UTC)", value: (r: LoginLogRow) => r.occurredAt.toISOString() },
  { "zh-CN": "帐号", en: "Account", value: (r: LoginLogRow) => r.email },
  { "zh-CN": "帐号类型", en: "Account type", value: (r: LoginLogRow) => r.accountKind },
  { "zh-CN": "帐号 ID", en: "Account ID", value: (r: LoginLogRow) => r.accountId },
  { "zh-CN": "企业", en: "Tenant", value: (r: LoginLogRow) => r.tenantName },
  { "zh-CN": "企业 ID", en: "Tenant ID", value: (r: LoginLogRow) => r.tenantId },
  { "zh-CN": "IP 地址", en: "IP", value: (r: LoginLogRow) => r.ip },
  { "zh-CN": "登录方式", en: "Channel", value: (r: LoginLogRow) => r.channel },
  { "zh-CN": "客户端", en: "Client", value: (r: LoginLogRow) => r.userAgent },
  { "zh-CN": "结果", en: "Result", value: (r: LoginLogRow) => r.result },
  { "zh-CN": "原因", en: "Reason", value: (r: LoginLogRow) => r.reason },
  { "zh-CN": "新网络", en: "New network", value: (r: LoginLogRow) => (r.newNetwork ? "yes" : "no") },
  { "zh-CN": "不计入锁定", en: "Lockout exempt", value: (r: LoginLogRow) => (r.lockoutExempt ? "yes" : "no") },
] as const;

export function loginCsvHeader(locale: Locale): string[] {
  return COLUMNS.map((c) => c[locale]);
}

export function loginCsvRecord(row: LoginLogRow): string[] {
  return COLUMNS.map((c) => c.value(row) ?? "");
}
