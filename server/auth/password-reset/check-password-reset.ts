import { passwordRuleView } from "@/server/auth/passwords/get-password-rule";
import { passwordSetAt } from "@/server/auth/passwords/password-age";
import { policyScopeOf } from "@/server/auth/policy/security-policy";
import { db } from "@/server/shared/db";
import type { PasswordResetView } from "./password-reset.types";
import { loadResetToken } from "./load-reset-token";

/** What the reset page shows before the form: whose password it sets, until when the link works, and the rule. */
export async function checkPasswordReset(token: string): Promise<PasswordResetView> {
  const { user, token: row } = await loadResetToken(db, token);
  const { policy, description, accountName } = await passwordRuleView(policyScopeOf(user), user.email, passwordSetAt(user));
  return { email: user.email, expiresAt: row.expiresAt, rule: { policy, description, accountName } };
}
