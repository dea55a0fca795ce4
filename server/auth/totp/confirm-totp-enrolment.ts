import { db } from "@/server/shared/db";
import { clock } from "@/server/shared/clock";
import { DomainError, say } from "@/server/shared/errors";
import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { openSecret } from "./seal-secret";
import { checkTotpCode } from "./totp-code";
import { codeRefusal, loadTotpAccount } from "./totp-account";
import { storeNewRecoveryCodes } from "./store-recovery-codes";

/**
 * Step two: a code of the pending secret proves the app holds it; the second factor is on from
 * now, and the ten recovery codes are returned this once (only their hashes are kept). The
 * code's step is stored, so the same code cannot then sign in.
 */
export async function confirmTotpEnrolment(actor: AuditActor, userId: string, code: string): Promise<{ recoveryCodes: string[] }> {
  const account = await loadTotpAccount(userId);
  if (account.totpEnabledAt) throw new DomainError("CONFLICT", say("Two-step verification is already on for this account", "此账号已开启二次验证"));
  const secret = account.totpPendingSecret ? openSecret(account.totpPendingSecret) : null;
  if (!secret) {
    throw new DomainError("PRECONDITION_FAILED", say("Start the set-up again: scan a new QR code first", "请重新开始绑定：先扫描新的二维码"));
  }
  const now = clock.now();
  const check = await checkTotpCode(secret, code.replace(/\s/g, ""), now, null);
  if (check.result !== "ok") throw codeRefusal(check.result, "enrolment");
  return db.$transaction(async (tx) => {
    // Compare-and-set on the pending secret: two confirmations racing enable it once.
    const { count } = await tx.user.updateMany({
      where: { id: account.id, totpEnabledAt: null, totpPendingSecret: account.totpPendingSecret },
      data: { totpSecret: account.totpPendingSecret, totpPendingSecret: null, totpEnabledAt: now, totpLastStep: BigInt(check.step) },
    });
    if (count !== 1) throw new DomainError("CONFLICT", say("Two-step verification was changed meanwhile; reload the page", "二次验证设置已被更改，请刷新页面"));
    const recoveryCodes = await storeNewRecoveryCodes(tx, account.id, now);
    await recordAudit(actor, { action: "totp.enable", target: { type: "user", id: account.id } }, tx);
    return { recoveryCodes };
  });
}
