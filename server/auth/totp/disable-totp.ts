import { db } from "@/server/shared/db";
import { clock } from "@/server/shared/clock";
import { DomainError, say } from "@/server/shared/errors";
import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { verifyPassword } from "@/server/auth/password";
import { codeRefusal, isTotpRequiredFor, loadTotpAccount, requireCurrentCode } from "./totp-account";
import { clearTotp } from "./clear-totp";
import type { TDisableTotpRequest } from "./totp.types";

/**
 * The account holder turns the second factor off, proving both factors (someone at an unlocked
 * screen has neither). Refused while the account's policy requires it.
 */
export async function disableTotp(actor: AuditActor, userId: string, input: TDisableTotpRequest): Promise<{ disabled: true }> {
  const account = await loadTotpAccount(userId);
  if (!account.totpEnabledAt) throw codeRefusal("not_enrolled");
  if (await isTotpRequiredFor(account)) {
    throw new DomainError(
      "PRECONDITION_FAILED",
      say("Your account's security policy requires two-step verification, so it cannot be turned off", "您账号的安全策略要求二次验证，不能关闭"),
    );
  }
  if (!(await verifyPassword(account.passwordHash, input.password))) {
    const text = say("The password is not right", "密码不正确");
    throw new DomainError("BAD_INPUT", text, { password: [text] });
  }
  await requireCurrentCode(account, input.code, clock.now());
  await db.$transaction(async (tx) => {
    await clearTotp(tx, account.id);
    await recordAudit(actor, { action: "totp.disable", target: { type: "user", id: account.id } }, tx);
  });
  return { disabled: true };
}
