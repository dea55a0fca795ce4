import { say, type Localized } from "@/server/shared/errors";

// The one strength rule for mailbox passwords, whoever sets them: the admin's initial password
// (the mailbox form, the CSV import's per-row and initial passwords) and the user's own on the
// self-service page. Pure; the browser runs it too, as the user types.

export const PASSWORD_MIN_LENGTH = 8;
// 64 is what every form and the import template tell people; argon2id itself takes any length.
export const PASSWORD_MAX_LENGTH = 64;
/** Of lower-case letters, upper-case letters, digits and other characters. */
export const PASSWORD_MIN_CLASSES = 3;

export type PasswordProblem = "too_short" | "too_long" | "too_simple" | "contains_name" | "control_chars";

/** The character classes a password uses (0–4). */
export function characterClasses(password: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
}

/**
 * What is wrong with a password for the mailbox `address` (its local part must not appear in
 * it: the first thing a guesser tries). Empty when it is acceptable.
 */
export function passwordProblems(password: string, address?: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) problems.push("too_short");
  if (length > PASSWORD_MAX_LENGTH) problems.push("too_long");
  // Control characters (line breaks included) cannot be typed at a sign-in prompt.
  if (/[\u0000-\u001f\u007f]/.test(password)) problems.push("control_chars");
  if (characterClasses(password) < PASSWORD_MIN_CLASSES) problems.push("too_simple");
  const local = address?.split("@")[0]?.toLowerCase();
  if (local && local.length >= 3 && password.toLowerCase().includes(local)) problems.push("contains_name");
  return problems;
}

const MESSAGES: Record<PasswordProblem, Localized> = {
  too_short: say(`Use at least ${PASSWORD_MIN_LENGTH} characters`, `密码至少 ${PASSWORD_MIN_LENGTH} 位`),
  too_long: say(`Use at most ${PASSWORD_MAX_LENGTH} characters`, `密码最多 ${PASSWORD_MAX_LENGTH} 位`),
  too_simple: say(
    `Mix at least ${PASSWORD_MIN_CLASSES} of: lower-case letters, upper-case letters, digits, symbols`,
    `需包含小写字母、大写字母、数字、符号中的至少 ${PASSWORD_MIN_CLASSES} 种`,
  ),
  contains_name: say("Must not contain the mailbox name", "密码不能包含邮箱名"),
  control_chars: say("Must not contain line breaks or other control characters", "密码不能包含换行等控制字符"),
};

/** The first problem's message, or null when the password is acceptable: for one-line refusals (CSV rows). */
export function passwordRefusal(password: string, address?: string): Localized | null {
  const [first] = passwordProblems(password, address);
  return first ? MESSAGES[first] : null;
}

/** The bilingual message of each problem, for a field error. */
export function passwordMessages(problems: readonly PasswordProblem[]): Localized[] {
  return problems.map((p) => MESSAGES[p]);
}
