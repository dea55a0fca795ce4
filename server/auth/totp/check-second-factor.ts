import { db } from "@/server/shared/db";
import { logger } from "@/server/shared/logger";
import { openSecret } from "./seal-secret";
import { checkTotpCode, isTotpCodeShape } from "./totp-code";
import { hashRecoveryCode, normaliseRecoveryCode } from "./recovery-codes";

const log = logger("auth.totp");

export type SecondFactorAccount = { id: string; totpSecret: string | null; totpEnabledAt: Date | null; totpLastStep: bigint | null };
export type SecondFactorResult = "not_enrolled" | "missing" | "ok" | "invalid" | "replayed";

/**
 * The second step of a portal sign-in (server/auth/gate): a six-digit code of the account's
 * authenticator, or one of its unused recovery codes (which this spends). The accepted step is
 * stored with a compare-and-set so two requests racing with the same code cannot both pass.
 */
export async function checkSecondFactor(user: SecondFactorAccount, code: string | null | undefined, now: Date): Promise<SecondFactorResult> {
  if (!user.totpEnabledAt || !user.totpSecret) return "not_enrolled";
  const typed = (code ?? "").replace(/\s/g, "");
  if (!typed) return "missing";
  if (isTotpCodeShape(typed)) return checkAuthenticatorCode(user, typed, now);
  return spendRecoveryCode(user.id, typed, now);
}

async function checkAuthenticatorCode(user: SecondFactorAccount, code: string, now: Date): Promise<SecondFactorResult> {
  const secret = openSecret(user.totpSecret!);
  if (!secret) {
    // AUTH_SECRET changed since enrolment (or the column was altered): no code can match.
    log.warn("totp secret cannot be opened; the account must use a recovery code or be reset", { userId: user.id });
    return "invalid";
  }
  const lastStep = user.totpLastStep === null ? null : Number(user.totpLastStep);
  const check = await checkTotpCode(secret, code, now, lastStep);
  if (check.result !== "ok") return check.result;
  const step = BigInt(check.step);
  const stored = await db.user.updateMany({
    where: { id: user.id, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
    data: { totpLastStep: step },
  });
  return stored.count === 1 ? "ok" : "replayed";
}

async function spendRecoveryCode(userId: string, typed: string, now: Date): Promise<SecondFactorResult> {
  const code = normaliseRecoveryCode(typed);
  if (!code) return "invalid";
  const spent = await db.recoveryCode.updateMany({
    where: { userId, codeHash: hashRecoveryCode(code), usedAt: null },
    data: { usedAt: now },
  });
  return spent.count === 1 ? "ok" : "invalid";
}
