import { loadSecurityPolicy, policyScopeOf } from "@/server/auth/policy/security-policy";
import { clock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { DomainError, say, type Localized } from "@/server/shared/errors";
import { passwordAgeState, passwordSetAt, type PasswordAge } from "./password-age";
import { describePasswordRule, type PasswordRulePolicy } from "./password-policy-rule";

export type PasswordRuleView = {
  /** The numbers the browser runs the same rule with, as the user types. */
  policy: PasswordRulePolicy & { passwordMaxAgeDays: number; passwordReminderDays: number };
  /** The rule in one sentence, shown next to the field. */
  description: Localized;
  /** The name the password must not contain. */
  accountName: string;
  /** Where the current password stands against the periodic change. */
  age: PasswordAge;
};

/** The rule view of an account of `scope` (also shown on the signed-out reset page, where the link names the account). */
export async function passwordRuleView(scope: string, accountName: string, changedAt: Date): Promise<PasswordRuleView> {
  const p = await loadSecurityPolicy(scope);
  const policy = {
    passwordMinLength: p.passwordMinLength,
    passwordMaxLength: p.passwordMaxLength,
    passwordMinClasses: p.passwordMinClasses,
    passwordHistory: p.passwordHistory,
    passwordMaxAgeDays: p.passwordMaxAgeDays,
    passwordReminderDays: p.passwordReminderDays,
  };
  return { policy, description: describePasswordRule(p), accountName, age: passwordAgeState(p, changedAt, clock.now()) };
}

const gone = () => new DomainError("UNAUTHENTICATED", say("Sign in again", "请重新登录"));

/** The password rule of a portal account's scope (its tenant's, or the platform's for staff). */
export async function getPasswordRule(userId: string): Promise<PasswordRuleView> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, tenantId: true, passwordChangedAt: true, createdAt: true } });
  if (!user) throw gone();
  return passwordRuleView(policyScopeOf(user), user.email, passwordSetAt(user));
}

/** The password rule of a mailbox's tenant, for the self-service and forced-change forms. */
export async function getMailboxPasswordRule(tenantId: string, mailboxId: string): Promise<PasswordRuleView> {
  const mailbox = await db.mailbox.findFirst({ where: { id: mailboxId, tenantId }, select: { address: true, passwordChangedAt: true, createdAt: true } });
  if (!mailbox) throw gone();
  return passwordRuleView(tenantId, mailbox.address, passwordSetAt(mailbox));
}
