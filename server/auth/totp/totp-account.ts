import type { Prisma } from "@/server/generated/prisma/client.ts";
import { db } from "@/server/shared/db";
import { DomainError, say } from "@/server/shared/errors";
import { loadSecurityPolicy, policyScopeOf } from "@/server/auth/policy/security-policy";
import type { SessionRole } from "@/server/auth/roles";
import { checkSecondFactor, type SecondFactorResult } from "./check-second-factor";
import { totpRequired } from "./totp-required";

const SELECT = {
  id: true, email: true, role: true, tenantId: true, passwordHash: true,
  totpSecret: true, totpEnabledAt: true, totpLastStep: true, totpPendingSecret: true,
} satisfies Prisma.UserSelect;

export type TotpAccount = Prisma.UserGetPayload<{ select: typeof SELECT }>;

/** The caller's own account row with its second-factor columns (the session says who). */
export async function loadTotpAccount(userId: string): Promise<TotpAccount> {
  const row = await db.user.findUnique({ where: { id: userId }, select: SELECT });
  if (!row) throw new DomainError("UNAUTHENTICATED", say("Sign in first", "请先登录"));
  return row;
}

export async function isTotpRequiredFor(account: { role: SessionRole; tenantId: string | null }): Promise<boolean> {
  return totpRequired(account.role, await loadSecurityPolicy(policyScopeOf(account)));
}

const CODE_REFUSALS: Record<Exclude<SecondFactorResult, "ok">, ReturnType<typeof say>> = {
  not_enrolled: say("Two-step verification is not on for this account", "此账号尚未开启二次验证"),
  missing: say("Enter the six-digit code from your authenticator app, or a recovery code", "请输入验证器应用中的 6 位验证码，或一个恢复码"),
  invalid: say(
    "That code is not right: enter the current six-digit code (check your phone's clock) or an unused recovery code",
    "验证码不正确：请输入当前的 6 位验证码（并检查手机时间），或一个未使用的恢复码",
  ),
  replayed: say("That code was already used: wait for the next one in your app", "该验证码已使用过，请等待应用中出现下一个验证码"),
};

// While setting up there are no recovery codes yet: only the app's code is asked for.
const ENROLMENT_INVALID = say(
  "That code is not right: enter the six-digit code your app shows now (check your phone's clock)",
  "验证码不正确：请输入验证器应用当前显示的 6 位验证码（并检查手机时间）",
);

/** A code field refusal, named on `code` so the form shows it under the field. */
export function codeRefusal(result: Exclude<SecondFactorResult, "ok">, during: "use" | "enrolment" = "use"): DomainError {
  const text = during === "enrolment" && result === "invalid" ? ENROLMENT_INVALID : CODE_REFUSALS[result];
  return new DomainError("BAD_INPUT", text, { code: [text] });
}

/** Confirms a sensitive change with the account's current second factor; throws on anything but ok. */
export async function requireCurrentCode(account: TotpAccount, code: string, now: Date): Promise<void> {
  const result = await checkSecondFactor(account, code, now);
  if (result !== "ok") throw codeRefusal(result);
}
