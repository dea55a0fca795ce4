import { say, type Localized } from "@/server/shared/errors";

// The password rule for imported mailboxes (per-row passwords and the import's initial
// password). Every imported mailbox must change it at first sign-in, so this guards only the
// days in between: long enough, not a single kind of character, not the mailbox's own name.

export const MIN_PASSWORD = 8;
export const MAX_PASSWORD = 64;

/** Why the password is refused, or null. */
export function passwordProblem(password: string, localPart = ""): Localized | null {
  if (password.length < MIN_PASSWORD || password.length > MAX_PASSWORD) {
    return say(`The password must have ${MIN_PASSWORD}–${MAX_PASSWORD} characters (this has ${password.length})`, `密码长度须为 ${MIN_PASSWORD}–${MAX_PASSWORD} 个字符（当前 ${password.length} 个）`);
  }
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z\d]/].filter((re) => re.test(password)).length;
  if (kinds < 3) return say("Use at least three of: lower-case letters, capitals, digits, symbols", "密码须包含小写字母、大写字母、数字、符号中的至少三种");
  if (localPart.length >= 3 && password.toLowerCase().includes(localPart)) return say("The password must not contain the mailbox name", "密码不能包含邮箱用户名");
  return null;
}
