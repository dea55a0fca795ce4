import { recordAudit } from "@/server/audit/record-audit";
import { issueAccountToken } from "@/server/auth/invitations/create-invitation";
import { clock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { env } from "@/server/shared/env";
import { logger } from "@/server/shared/logger";
import { sendMail } from "@/server/shared/mailer";
import type { TRequestPasswordResetRequest } from "./password-reset.types";
import { resetMail } from "./reset-mail";
import { assertResetRate } from "./reset-rate-limit";

const log = logger("auth.password-reset");

export const resetLinkOf = (token: string) => `${env().PUBLIC_URL.replace(/\/$/, "")}/reset-password/${token}`;

/**
 * Someone signed out asks for a reset link for a portal account. The answer is the same whether
 * the address belongs to an account or not (nothing to learn by trying addresses), and so is the
 * time: the e-mail leaves after the answer. A new link replaces the account's older unused ones.
 * Only active accounts get one: an invited account has its invitation, a disabled one none.
 */
export async function requestPasswordReset(input: TRequestPasswordResetRequest, ip: string | null): Promise<{ accepted: true }> {
  await assertResetRate(ip, input.email);
  const user = await db.user.findUnique({ where: { email: input.email }, select: { id: true, email: true, name: true, role: true, tenantId: true, resellerId: true, status: true } });
  const account = user?.status === "active" ? user : null;
  const issued = await db.$transaction(async (tx) => {
    const actor = { id: account?.id ?? null, email: input.email, role: account?.role ?? null, tenantId: account?.tenantId ?? null, resellerId: account?.resellerId ?? null, ip };
    if (!account) {
      await recordAudit(actor, { action: "password_reset.request", result: "failure", details: { reason: "no_active_account" } }, tx);
      return null;
    }
    await tx.accountToken.updateMany({ where: { userId: account.id, purpose: "reset", usedAt: null }, data: { usedAt: clock.now() } });
    const link = await issueAccountToken(tx, { userId: account.id, purpose: "reset", validMs: env().PASSWORD_RESET_TOKEN_MINUTES * 60_000 });
    await recordAudit(actor, { action: "password_reset.request", target: { type: "user", id: account.id } }, tx);
    return link;
  });
  if (account && issued) {
    const mail = resetMail({ to: account.email, name: account.name, link: resetLinkOf(issued.token), expiresAt: issued.expiresAt });
    // Not awaited: the answer must not wait for a mail server only when the account exists.
    void sendMail({ to: [account.email], ...mail }).catch((error: unknown) => log.warn("password reset e-mail not sent", { to: account.email, error: String(error) }));
  }
  return { accepted: true };
}
