import { db } from "@/server/shared/db";
import { clock } from "@/server/shared/clock";
import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { codeRefusal, loadTotpAccount, requireCurrentCode } from "./totp-account";
import { storeNewRecoveryCodes } from "./store-recovery-codes";

/** Ten new recovery codes (the old ones stop working), confirmed with a current code. */
export async function regenerateRecoveryCodes(actor: AuditActor, userId: string, code: string): Promise<{ recoveryCodes: string[] }> {
  const account = await loadTotpAccount(userId);
  if (!account.totpEnabledAt) throw codeRefusal("not_enrolled");
  const now = clock.now();
  await requireCurrentCode(account, code, now);
  return db.$transaction(async (tx) => {
    const recoveryCodes = await storeNewRecoveryCodes(tx, account.id, now);
    await recordAudit(actor, { action: "totp.recovery_codes_regenerate", target: { type: "user", id: account.id } }, tx);
    return { recoveryCodes };
  });
}
