import { say, type Localized } from "@/server/shared/errors";

// Pure rules for what an admin types into the mailbox form: the initial password, the mobile
// number and the quota. Each returns the problem; the *Message functions say it in both languages.

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 64;

export type PasswordProblem = "too_short" | "too_long" | "few_kinds" | "contains_name" | "spaces";

/** Which kinds of character a password mixes: lower-case, upper-case, digits, symbols. */
export function characterKinds(password: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
}

/**
 * The initial password an admin sets: 8–64 characters, no spaces (users mistype them on phones),
 * at least three of the four kinds of character, and not containing the mailbox's own name,
 * which is the first thing anyone guesses. The user must change it at first sign-in anyway.
 */
export function passwordProblem(password: string, localPart = ""): PasswordProblem | null {
  if (password.length < PASSWORD_MIN) return "too_short";
  if (password.length > PASSWORD_MAX) return "too_long";
  if (/\s/.test(password)) return "spaces";
  if (characterKinds(password) < 3) return "few_kinds";
  const name = localPart.trim().toLowerCase();
  if (name.length >= 3 && password.toLowerCase().includes(name)) return "contains_name";
  return null;
}

export function passwordMessage(problem: PasswordProblem): Localized {
  switch (problem) {
    case "too_short":
      return say(`At least ${PASSWORD_MIN} characters`, `至少 ${PASSWORD_MIN} 个字符`);
    case "too_long":
      return say(`At most ${PASSWORD_MAX} characters`, `最多 ${PASSWORD_MAX} 个字符`);
    case "spaces":
      return say("No spaces in the password", "密码中不能有空格");
    case "few_kinds":
      return say(
        "Mix at least three of: lower-case letters, upper-case letters, digits, symbols",
        "需至少包含小写字母、大写字母、数字、符号中的三种",
      );
    case "contains_name":
      return say("The password must not contain the mailbox name", "密码不能包含邮箱名");
  }
}

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
