import QRCode from "qrcode";
import { db } from "@/server/shared/db";
import { env } from "@/server/shared/env";
import { DomainError, say } from "@/server/shared/errors";
import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { sealSecret } from "./seal-secret";
import { groupedSecret, newTotpSecret, totpUri } from "./totp-code";
import { loadTotpAccount } from "./totp-account";

export type TotpEnrolment = { uri: string; qrDataUrl: string; manualKey: string };

/**
 * Step one of turning the second factor on: a new secret, kept as "pending" until a code from
 * the app proves it was scanned (confirmTotpEnrolment). Beginning again replaces the pending
 * secret, so an abandoned enrolment leaves nothing usable behind.
 */
export async function beginTotpEnrolment(actor: AuditActor, userId: string): Promise<TotpEnrolment> {
  const account = await loadTotpAccount(userId);
  if (account.totpEnabledAt) {
    throw new DomainError("CONFLICT", say("Two-step verification is already on for this account", "此账号已开启二次验证"));
  }
  const secret = newTotpSecret();
  const uri = totpUri(secret, env().PLATFORM_NAME, account.email);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: account.id }, data: { totpPendingSecret: sealSecret(secret) } });
    await recordAudit(actor, { action: "totp.enrolment_begin", target: { type: "user", id: account.id } }, tx);
  });
  return { uri, qrDataUrl: await QRCode.toDataURL(uri, { margin: 1, width: 200, errorCorrectionLevel: "M" }), manualKey: groupedSecret(secret) };
}
