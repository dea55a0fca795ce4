import { db } from "@/server/shared/db";
import type { SessionUser } from "@/server/auth/session-user";
import { isTotpRequiredFor, loadTotpAccount } from "./totp-account";

export type TotpStatus = {
  enabled: boolean;
  enabledAt: Date | null;
  /** The account's policy requires a second factor: it cannot be turned off. */
  required: boolean;
  recoveryCodesLeft: number;
};

export async function getTotpStatus(user: SessionUser): Promise<TotpStatus> {
  const account = await loadTotpAccount(user.id);
  const [required, recoveryCodesLeft] = await Promise.all([
    isTotpRequiredFor(account),
    db.recoveryCode.count({ where: { userId: account.id, usedAt: null } }),
  ]);
  const enabled = account.totpEnabledAt !== null;
  return { enabled, enabledAt: account.totpEnabledAt, required, recoveryCodesLeft: enabled ? recoveryCodesLeft : 0 };
}
