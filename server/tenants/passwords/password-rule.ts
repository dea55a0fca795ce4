import { DEFAULT_POLICY } from "@/server/auth/policy/security-policy-values";
import {
  characterClasses,
  passwordMessagesFor,
  passwordProblemsFor,
  type PasswordProblem,
  type PasswordRulePolicy,
} from "@/server/auth/passwords/password-policy-rule";
import type { Localized } from "@/server/shared/errors";

// Mailbox passwords follow the one password rule (server/auth/passwords/password-policy-rule.ts)
// with the tenant's policy. These wrappers keep the mailbox forms' and the CSV import's calls
// short; without a policy they use the defaults (seed 001), which is what a browser form knows.

export { characterClasses, type PasswordProblem };

/** What is wrong with a password for the mailbox `address` (or its local part). Empty when acceptable. */
export function passwordProblems(password: string, address?: string, policy: PasswordRulePolicy = DEFAULT_POLICY): PasswordProblem[] {
  return passwordProblemsFor(policy, password, address);
}

/** The bilingual message of each problem, for a field error. */
export function passwordMessages(problems: readonly PasswordProblem[], policy: PasswordRulePolicy = DEFAULT_POLICY): Localized[] {
  return passwordMessagesFor(policy, problems);
}

/** The first problem's message, or null when the password is acceptable: for one-line refusals (CSV rows). */
export function passwordRefusal(password: string, address?: string, policy: PasswordRulePolicy = DEFAULT_POLICY): Localized | null {
  return passwordMessages(passwordProblems(password, address, policy), policy)[0] ?? null;
}
