import type { Locale } from "@/server/shared/locale";
import type { AuditEventRow } from "./audit-rows";

// The export's columns, in order. Values stay machine-readable (UTC ISO time, role and result
// codes, details as JSON); only the header follows the requester's language.
const COLUMNS = [
  { key: "time", "zh-CN": "时间 (UTC)", en: "Time (UTC)", value: (r: AuditEventRow) => r.occurredAt.toISOString() },
  { key: "actorEmail", "zh-CN": "操作人邮箱", en: "Actor e-mail", value: (r: AuditEventRow) => r.actorEmail },
  { key: "role", "zh-CN": "角色", en: "Role", value: (r: AuditEventRow) => r.actorRole },
  { key: "tenant", "zh-CN": "企业", en: "Tenant", value: (r: AuditEventRow) => r.tenantName },
  { key: "tenantId", "zh-CN": "企业 ID", en: "Tenant ID", value: (r: AuditEventRow) => r.tenantId },
  { key: "action", "zh-CN": "操作", en: "Action", value: (r: AuditEventRow) => r.action },
  { key: "targetType", "zh-CN": "对象类型", en: "Target type", value: (r: AuditEventRow) => r.targetType },
  { key: "targetId", "zh-CN": "对象 ID", en: "Target ID", value: (r: AuditEventRow) => r.targetId },
  { key: "result", "zh-CN": "结果", en: "Result", value: (r: AuditEventRow) => r.result },
  { key: "ip", "zh-CN": "IP 地址", en: "IP", value: (r: AuditEventRow) => r.ip },
  {
    key: "details",
    "zh-CN": "详情 (JSON)",
    en: "Details (JSON)",
    value: (r: AuditEventRow) => (r.details === null ? null : JSON.stringify(r.details)),
  },
] as const;

export function auditCsvHeader(locale: Locale): string[] {
  return COLUMNS.map((c) => c[locale]);
}

export function auditCsvRecord(row: AuditEventRow): string[] {
  return COLUMNS.map((c) => c.value(row) ?? "");
}
