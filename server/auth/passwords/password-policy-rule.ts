import type { SecurityPolicyValues } from "@/server/auth/policy/security-policy";
import { say, type Localized } from "@/server/shared/errors";

// The one password rule of the product (seed 001 §7): every place that sets a password (portal
// accounts, mailboxes, the CSV import, the reset link) runs it with the policy of the account's
// scope. Pure and free of server imports, so the browser runs the same function as the user types.

/** The numbers of the rule; a SecurityPolicyValues is one. */
export type PasswordRulePolicy = Pick<SecurityPolicyValues, "passwordMinLength" | "passwordMaxLength" | "passwordMinClasses" | "passwordHistory">;

export type PasswordProblem =
  | "too_short"
  | "too_long"
  | "too_simple"
  | "digit_sequence"
  | "repeated_digits"
  | "contains_name"
  | "control_chars"
  // Found by setAccountPassword against the stored hashes, never by the pure rule.
  | "reused";

/** The character classes a password uses (0–4): lower-case, upper-case, digits, anything else. */
export function characterClasses(password: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
}

/** Three digits in a row that step by +1 or −1 ("123", "987"); by 0 ("111") when `step` is 0. */
function hasDigitRun(password: string, steps: readonly number[]): boolean {
  for (let i = 0; i + 2 < password.length; i++) {
    const [a, b, c] = [password.charCodeAt(i) - 48, password.charCodeAt(i + 1) - 48, password.charCodeAt(i + 2) - 48];
    if ([a, b, c].some((d) => d < 0 || d > 9)) continue;
    if (steps.some((s) => b - a === s && c - b === s)) return true;
  }
  return false;
}

/** The name part of an account: the e-mail's local part (or the bare name given), lower-cased. */
export function accountNameOf(accountName: string | undefined): string {
  return (accountName ?? "").split("@")[0]!.toLowerCase();
}

/**
 * What is wrong with `password` under `policy`, every problem at once (empty when acceptable).
 * The account name (its local part, when 3 characters or more) must not appear in any case:
 * it is the first thing a guesser tries.
 */
export function passwordProblemsFor(policy: PasswordRulePolicy, password: string, accountName?: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  // Characters, not UTF-16 units: an emoji is one character to the person typing it.
  const length = [...password].length;
  if (length < policy.passwordMinLength) problems.push("too_short");
  if (length > policy.passwordMaxLength) problems.push("too_long");
  // Control characters (line breaks included) cannot be typed at a sign-in prompt.
  if (/[\u0000-\u001f\u007f]/.test(password)) problems.push("control_chars");
  if (characterClasses(password) < policy.passwordMinClasses) problems.push("too_simple");
  if (hasDigitRun(password, [1, -1])) problems.push("digit_sequence");
  if (hasDigitRun(password, [0])) problems.push("repeated_digits");
  const name = accountNameOf(accountName);
  if (name.length >= 3 && password.toLowerCase().includes(name)) problems.push("contains_name");
  return problems;
}

/** The bilingual message naming the rule each problem breaks, for field errors and the live checklist. */
export function passwordMessageFor(policy: PasswordRulePolicy, problem: PasswordProblem): Localized {
  const { passwordMinLength: min, passwordMaxLength: max, passwordMinClasses: classes, passwordHistory: n } = policy;
  switch (problem) {
    case "too_short":
      return say(`Length: use at least ${min} characters`, `长度：密码至少 ${min} 位`);
    case "too_long":
      return say(`Length: use at most ${max} characters`, `长度：密码最多 ${max} 位`);
    case "too_simple":
      return say(
        `Character types: mix at least ${classes} of lower-case letters, upper-case letters, digits, symbols`,
        `字符种类：需包含小写字母、大写字母、数字、符号中的至少 ${classes} 种`,
      );
    case "digit_sequence":
      return say('Digits: no three consecutive digits such as "123" or "987"', "数字：不能包含 3 位连续数字（如 123、987）");
    case "repeated_digits":
      return say('Digits: no three repeated digits such as "111"', "数字：不能包含 3 位重复数字（如 111）");
    case "contains_name":
      return say("Account name: must not contain the account name (the part before @)", "账号名：密码不能包含账号名（@ 前的部分）");
    case "control_chars":
      return say("Characters: no line breaks or other control characters", "字符：不能包含换行等控制字符");
    case "reused":
      return say(`History: must not be one of your last ${n} passwords`, `历史密码：不能与最近 ${n} 次使用过的密码相同`);
  }
}

export function passwordMessagesFor(policy: PasswordRulePolicy, problems: readonly PasswordProblem[]): Localized[] {
  return problems.map((p) => passwordMessageFor(policy, p));
}

/** The rules a live checklist ticks off as the user types (history is only known to the server). */
export const CHECKLIST_RULES: readonly PasswordProblem[] = ["too_short", "too_long", "too_simple", "digit_sequence", "repeated_digits", "contains_name", "control_chars"];

/** The whole rule in one sentence, shown next to every password field. */
export function describePasswordRule(policy: PasswordRulePolicy): Localized {
  const { passwordMinLength: min, passwordMaxLength: max, passwordMinClasses: classes, passwordHistory: n } = policy;
  const historyEn = n > 0 ? `, and not one of your last ${n} passwords` : "";
  const historyZh = n > 0 ? "，且不能与最近 " + n + " 次使用过的密码相同" : "";
  return say(
    `${min}–${max} characters with at least ${classes} of lower-case letters, upper-case letters, digits and symbols; no three consecutive or repeated digits ("123", "987", "111"); not containing the account name${historyEn}.`,
    `${min}–${max} 位，至少包含小写字母、大写字母、数字、符号中的 ${classes} 种；不能有 3 位连续或重复的数字（如 123、987、111）；不能包含账号名${historyZh}。`,
  );
}
