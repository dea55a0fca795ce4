import { say, type Localized } from "@/server/shared/errors";

// What the part before @ may be, for a mailbox, an alias or a list. Stricter than RFC 5321 on
// purpose, as hosted mail products are: lower-case letters, digits and . _ - only, starting and
// ending with a letter or digit, no two dots in a row. That keeps every address typeable,
// case-insensitive and safe in every client and in CSV files.

export const MAX_LOCAL_PART = 64;
/** RFC 5321: a whole address (local@domain) fits in 254 characters. */
export const MAX_ADDRESS = 254;

/**
 * Names the platform answers itself or that customers' users would be misled by: RFC 2142's role
 * addresses and the mail system's own. The engine routes postmaster@ and abuse@ of every domain
 * to the tenant's admins, so no mailbox, alias or list may take them.
 */
export const RESERVED_LOCAL_PARTS: ReadonlySet<string> = new Set([
  "postmaster",
  "abuse",
  "hostmaster",
  "webmaster",
  "mailer-daemon",
  "security",
  "noc",
  "root",
  "no-reply",
  "noreply",
]);

export type LocalPartProblem = "empty" | "too_long" | "bad_char" | "bad_edge" | "double_dot" | "reserved" | "has_at";

export type LocalPartCheck = { ok: true; value: string } | { ok: false; problem: LocalPartProblem };

/** Trims and lower-cases, then checks; `value` is what is stored. */
export function checkLocalPart(raw: string): LocalPartCheck {
  const value = raw.trim().toLowerCase();
  if (value === "") return { ok: false, problem: "empty" };
  if (value.includes("@")) return { ok: false, problem: "has_at" };
  if (value.length > MAX_LOCAL_PART) return { ok: false, problem: "too_long" };
  if (!/^[a-z0-9._-]+$/.test(value)) return { ok: false, problem: "bad_char" };
  if (!/^[a-z0-9]/.test(value) || !/[a-z0-9]$/.test(value)) return { ok: false, problem: "bad_edge" };
  if (value.includes("..")) return { ok: false, problem: "double_dot" };
  if (RESERVED_LOCAL_PARTS.has(value)) return { ok: false, problem: "reserved" };
  return { ok: true, value };
}

/** The refusal a person reads, in both languages. */
export function localPartMessage(problem: LocalPartProblem, raw = ""): Localized {
  const shown = raw.trim().toLowerCase();
  switch (problem) {
    case "empty":
      return say("Enter the part before @, e.g. zhang.san", "请填写 @ 前面的部分，例如 zhang.san");
    case "has_at":
      return say("Enter only the part before @: the domain is chosen separately", "只填写 @ 前面的部分，域名单独选择");
    case "too_long":
      return say(`At most ${MAX_LOCAL_PART} characters before @ (this has ${shown.length})`, `@ 前最多 ${MAX_LOCAL_PART} 个字符（当前 ${shown.length} 个）`);
    case "bad_char":
      return say("Use only letters, digits, dots (.), hyphens (-) and underscores (_)", "只能使用字母、数字、点（.）、连字符（-）和下划线（_）");
    case "bad_edge":
      return say("Start and end with a letter or digit", "必须以字母或数字开头和结尾");
    case "double_dot":
      return say("Two dots in a row are not allowed", "不能连续使用两个点");
    case "reserved":
      return say(`"${shown}" is reserved for the mail system and cannot be used`, `"${shown}" 是系统保留名称，不能使用`);
  }
}

/** `local@ascii-domain`, or null when the whole address would exceed RFC 5321's 254 characters. */
export function joinAddress(localPart: string, asciiDomain: string): string | null {
  const address = `${localPart}@${asciiDomain}`;
  return address.length > MAX_ADDRESS ? null : address;
}
