import { say, type Localized } from "@/server/shared/errors";

// Pure rules for what an admin types into the mailbox form: the mobile number and the quota (the
// password rule is shared with the import and self-service: ../passwords/password-rule.ts). Each
// returns the problem; the *Message functions say it in both languages.

/**
 * A mobile number, normalised (spaces, hyphens and brackets dropped): a mainland China mobile
 * (11 digits, 1[3-9]…) or an international number in E.164 form (+ then 7–15 digits).
 * Null when the input is empty (the number is optional), false when it is malformed.
 */
export function normaliseMobile(raw: string | null | undefined): string | null | false {
  const value = (raw ?? "").replace(/[\s\-()]/g, "");
  if (value === "") return null;
  if (/^1[3-9]\d{9}$/.test(value)) return value;
  if (/^\+[1-9]\d{6,14}$/.test(value)) return value;
  return false;
}

export const mobileMessage: Localized = say(
  "Enter an 11-digit mobile number (e.g. 13800138000) or an international number starting with + (e.g. +85291234567)",
  "请输入 11 位手机号（如 13800138000）或以 + 开头的国际号码（如 +85291234567）",
);

const MB = 1024 * 1024;

export type QuotaProblem = { kind: "over_plan"; max: number } | { kind: "below_used"; usedMb: number };

/** A quota (MB) is at most the plan's per-mailbox quota and never below what the mailbox already stores. */
export function quotaProblem(quotaMb: number, planMaxMb: number, usedBytes = 0): QuotaProblem | null {
  if (quotaMb > planMaxMb) return { kind: "over_plan", max: planMaxMb };
  const usedMb = Math.ceil(usedBytes / MB);
  if (quotaMb < usedMb) return { kind: "below_used", usedMb };
  return null;
}

export function quotaMessage(problem: QuotaProblem): Localized {
  return problem.kind === "over_plan"
    ? say(`At most ${problem.max} MB: that is your plan's quota per mailbox`, `最多 ${problem.max} MB（当前套餐每个邮箱的容量上限）`)
    : say(`At least ${problem.usedMb} MB: the mailbox already stores that much`, `至少 ${problem.usedMb} MB：该邮箱已使用这么多空间`);
}
