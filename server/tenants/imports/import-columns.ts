import { say, type Localized } from "@/server/shared/errors";

// The import file's columns. Each header cell may be the Chinese name, the English name, or
// both joined by "/" as in the template ("邮箱地址/address"), so a file saved by Chinese Excel
// and one written by a script in English both import. Only the address is required.

export const IMPORT_COLUMNS = ["address", "displayName", "department", "quotaMb", "mobile", "password"] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

type ColumnDef = { zh: string; en: string; aliases: readonly string[]; required: boolean };

export const COLUMN_DEFS: Record<ImportColumn, ColumnDef> = {
  address: { zh: "邮箱地址", en: "address", aliases: ["邮箱", "电子邮箱", "email", "e-mail", "mail"], required: true },
  displayName: { zh: "姓名", en: "display name", aliases: ["显示名称", "name", "displayname"], required: false },
  department: { zh: "部门", en: "department", aliases: ["部门路径", "dept"], required: false },
  quotaMb: { zh: "容量(MB)", en: "quota", aliases: ["容量", "quota(mb)", "quota mb", "quotamb"], required: false },
  mobile: { zh: "手机", en: "mobile", aliases: ["手机号", "手机号码", "phone"], required: false },
  password: { zh: "初始密码", en: "password", aliases: ["密码"], required: false },
};

/**
 * Columns the mailbox export writes that an import reads past, so an exported file can be
 * edited and imported again: aliases and status are changed on the mailbox page, not by import.
 */
export const EXPORT_ONLY_COLUMNS = { aliases: "别名/aliases", status: "状态/status", usedMb: "已用(MB)/used (MB)" } as const;
const IGNORED: ReadonlySet<string> = new Set(Object.values(EXPORT_ONLY_COLUMNS).flatMap((h) => [h, ...h.split("/")]).map((h) => normaliseHeaderName(h)));

/** The template's header row: both names of every column, in the documented order. */
export const TEMPLATE_HEADER = IMPORT_COLUMNS.map((c) => `${COLUMN_DEFS[c].zh}/${COLUMN_DEFS[c].en}`);

/** "容量（MB）" and " Quota (MB) " both become "容量(mb)" / "quota(mb)": full-width parentheses, case and spaces around them do not matter. */
export function normaliseHeaderName(raw: string): string {
  return raw
    .replace(/^\uFEFF/, "")
    .replace(/（/g, "(")
    .replace(/）/g, ")")
    .trim()
    .toLowerCase()
    .replace(/\s*\(\s*/g, "(")
    .replace(/\s*\)\s*/g, ")")
    .replace(/\s+/g, " ");
}

const LOOKUP: ReadonlyMap<string, ImportColumn> = new Map(
  IMPORT_COLUMNS.flatMap((c) => [COLUMN_DEFS[c].zh, COLUMN_DEFS[c].en, ...COLUMN_DEFS[c].aliases].map((n) => [normaliseHeaderName(n), c] as const)),
);

/** The column a header cell names: the whole cell, or any part of "中文/English". */
export function columnOf(cell: string): ImportColumn | null {
  const whole = LOOKUP.get(normaliseHeaderName(cell));
  if (whole) return whole;
  // Every part must name the same column: "姓名/address" is a mistake, not a guess to make.
  const found = new Set(cell.split("/").map(normaliseHeaderName).filter(Boolean).map((p) => LOOKUP.get(p) ?? null));
  const [only] = found;
  return found.size === 1 && only ? only : null;
}

export type HeaderMap = Partial<Record<ImportColumn, number>>;
/** Where each column is, and how many cells the header row has (a data row may not have more). */
export type ImportHeader = { columns: HeaderMap; width: number };
export type HeaderResult = ({ ok: true } & ImportHeader) | { ok: false; problems: Localized[] };

const label = (c: ImportColumn) => `${COLUMN_DEFS[c].zh}/${COLUMN_DEFS[c].en}`;

/** Maps header cells to columns, or says which are missing, unknown or repeated. */
export function mapHeader(cells: readonly string[]): HeaderResult {
  const columns: HeaderMap = {};
  const problems: Localized[] = [];
  const unknown: string[] = [];
  cells.forEach((cell, i) => {
    if (cell.trim() === "" || IGNORED.has(normaliseHeaderName(cell))) return;
    const column = columnOf(cell);
    if (!column) return void unknown.push(cell.trim());
    if (columns[column] !== undefined) {
      problems.push(say(`Column "${label(column)}" appears twice (columns ${columns[column]! + 1} and ${i + 1})`, `“${label(column)}”列出现了两次（第 ${columns[column]! + 1} 列和第 ${i + 1} 列）`));
    } else columns[column] = i;
  });
  if (unknown.length > 0) {
    const list = unknown.map((u) => `"${u.slice(0, 40)}"`).join(", ");
    problems.push(say(`Unknown columns: ${list}. Use the template's headers: ${TEMPLATE_HEADER.join(", ")}`, `无法识别的列：${list}。请使用模板的表头：${TEMPLATE_HEADER.join("，")}`));
  }
  const missing = IMPORT_COLUMNS.filter((c) => COLUMN_DEFS[c].required && columns[c] === undefined);
  if (missing.length > 0) {
    const list = missing.map(label).join(", ");
    problems.push(say(`Required column missing: ${list}. The first row must be the header row`, `缺少必填列：${list}。第一行必须是表头`));
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, columns, width: cells.length };
}
