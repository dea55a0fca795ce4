import { say, type Localized } from "@/server/shared/errors";
import { checkLocalPart, joinAddress, localPartMessage } from "../addresses/local-part";
import type { HeaderMap, ImportColumn, ImportHeader } from "./import-columns";
import type { PasswordRulePolicy } from "@/server/auth/passwords/password-policy-rule";
import { passwordRefusal } from "../passwords/password-rule";
import { mobileMessage, normaliseMobile } from "../mailboxes/mailbox-rules";

// One data row of an import file, checked on its own (pure): what the database must still say
// (address free, seats) is checked by validate-import-rows.ts for the whole file at once.

export type ImportDomain = { id: string; name: string; unicodeName: string; aliasOf: string | null };
/** What a row is checked against: the tenant's domains, its plan's quota, its password policy (the defaults when absent). */
export type RowContext = { domains: readonly ImportDomain[]; planQuotaMb: number; passwordPolicy?: PasswordRulePolicy };

/** What a valid row creates: the address is lower-case local@ascii-domain, as stored. */
export type ImportRow = {
  row: number;
  address: string;
  localPart: string;
  domainId: string;
  displayName: string;
  departmentPath: string[];
  quotaMb: number;
  mobile: string | null;
  password: string | null;
};

export type RowProblem = { row: number; column: ImportColumn | null; message: Localized };
export type RowCheck = { ok: true; value: ImportRow } | { ok: false; problems: RowProblem[] };

export const MAX_DISPLAY_NAME = 80;
export const MAX_DEPARTMENT_NAME = 80;
export const MAX_DEPARTMENT_DEPTH = 10;

export function cellOf(cells: readonly string[], header: HeaderMap, column: ImportColumn): string {
  const i = header[column];
  return i === undefined ? "" : (cells[i] ?? "").trim();
}

/** "销售部/华东区" → ["销售部", "华东区"]; full-width and back slashes also separate levels. */
export function splitDepartmentPath(raw: string): string[] {
  return raw
    .split(/[/／\\]/)
    .map((p) => p.trim())
    .filter(Boolean);
}

function findDomain(name: string, domains: readonly ImportDomain[]): ImportDomain | undefined {
  const wanted = name.toLowerCase().replace(/\.$/, "");
  return domains.find((d) => d.name === wanted || d.unicodeName.toLowerCase() === wanted);
}

function checkAddress(raw: string, ctx: RowContext): { value?: Pick<ImportRow, "address" | "localPart" | "domainId">; message?: Localized } {
  if (raw === "") return { message: say("Enter the mailbox address, e.g. zhang.san@example.com", "请填写邮箱地址，例如 zhang.san@example.com") };
  const at = raw.lastIndexOf("@");
  if (at < 0) return { message: say(`"${raw}" is not an address: write local part @ domain, e.g. zhang.san@example.com`, `“${raw}”不是邮箱地址：应为 用户名@域名，例如 zhang.san@example.com`) };
  const domainName = raw.slice(at + 1);
  const domain = findDomain(domainName, ctx.domains);
  if (!domain) return { message: say(`${domainName} is not one of your domains: add it on the domains page first`, `${domainName} 不是本企业的域名：请先在“域名管理”中添加`) };
  if (domain.aliasOf) return { message: say(`${domainName} is an alias domain of ${domain.aliasOf}: create the mailbox on ${domain.aliasOf}`, `${domainName} 是 ${domain.aliasOf} 的别名域：请在 ${domain.aliasOf} 上创建邮箱`) };
  const local = checkLocalPart(raw.slice(0, at));
  if (!local.ok) return { message: localPartMessage(local.problem, raw.slice(0, at)) };
  const address = joinAddress(local.value, domain.name);
  if (!address) return { message: say("The whole address may have at most 254 characters", "完整地址最多 254 个字符") };
  return { value: { address, localPart: local.value, domainId: domain.id } };
}

function checkQuota(raw: string, planQuotaMb: number): { value?: number; message?: Localized } {
  if (raw === "") return { value: planQuotaMb };
  if (!/^\d+$/.test(raw)) return { message: say(`Quota must be a whole number of MB, got "${raw}"`, `容量必须是整数（单位 MB），当前为“${raw}”`) };
  const mb = Number(raw);
  if (mb < 1) return { message: say("Quota must be at least 1 MB", "容量至少为 1 MB") };
  if (mb > planQuotaMb) return { message: say(`Quota ${mb} MB is more than your plan allows (${planQuotaMb} MB)`, `容量 ${mb} MB 超过套餐上限（${planQuotaMb} MB）`) };
  return { value: mb };
}

/** The mailbox form's rule (normaliseMobile), so an import accepts exactly what the form does. */
function checkMobile(raw: string): { value?: string | null; message?: Localized } {
  const value = normaliseMobile(raw);
  return value === false ? { message: mobileMessage } : { value };
}

function checkDepartment(raw: string): { value?: string[]; message?: Localized } {
  const path = splitDepartmentPath(raw);
  if (path.length > MAX_DEPARTMENT_DEPTH) return { message: say(`At most ${MAX_DEPARTMENT_DEPTH} department levels`, `部门最多 ${MAX_DEPARTMENT_DEPTH} 级`) };
  const long = path.find((p) => p.length > MAX_DEPARTMENT_NAME);
  if (long) return { message: say(`Department names have at most ${MAX_DEPARTMENT_NAME} characters ("${long.slice(0, 20)}…")`, `部门名称最多 ${MAX_DEPARTMENT_NAME} 个字符（“${long.slice(0, 20)}…”）`) };
  return { value: path };
}

/** Checks every cell of one row (row = its number in the spreadsheet, the header being row 1). */
export function checkImportRow(row: number, cells: readonly string[], { columns: header, width }: ImportHeader, ctx: RowContext): RowCheck {
  const problems: RowProblem[] = [];
  const fail = (column: ImportColumn | null, message: Localized) => problems.push({ row, column, message });
  if (cells.length > width && cells.slice(width).some((c) => c.trim() !== "")) {
    fail(null, say(`This row has ${cells.length} cells but the header has ${width} columns`, `该行有 ${cells.length} 个单元格，但表头只有 ${width} 列`));
  }
  const address = checkAddress(cellOf(cells, header, "address").toLowerCase(), ctx);
  if (address.message) fail("address", address.message);
  const localPart = address.value?.localPart ?? "";
  const displayName = cellOf(cells, header, "displayName") || localPart;
  if (displayName.length > MAX_DISPLAY_NAME) fail("displayName", say(`At most ${MAX_DISPLAY_NAME} characters (this has ${displayName.length})`, `最多 ${MAX_DISPLAY_NAME} 个字符（当前 ${displayName.length} 个）`));
  const department = checkDepartment(cellOf(cells, header, "department"));
  if (department.message) fail("department", department.message);
  const quota = checkQuota(cellOf(cells, header, "quotaMb"), ctx.planQuotaMb);
  if (quota.message) fail("quotaMb", quota.message);
  const mobile = checkMobile(cellOf(cells, header, "mobile"));
  if (mobile.message) fail("mobile", mobile.message);
  // A password is kept exactly as typed (spaces included): trimming would change what the user signs in with.
  const i = header.password;
  const password = i === undefined || (cells[i] ?? "") === "" ? null : cells[i]!;
  const pwProblem = password === null ? null : passwordRefusal(password, localPart, ctx.passwordPolicy);
  if (pwProblem) fail("password", pwProblem);
  if (problems.length > 0 || !address.value) return { ok: false, problems };
  return {
    ok: true,
    value: { row, ...address.value, displayName, departmentPath: department.value!, quotaMb: quota.value!, mobile: mobile.value ?? null, password },
  };
}
