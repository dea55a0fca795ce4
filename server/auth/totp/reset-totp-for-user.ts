import { db } from "@/server/shared/db";
import { clock } from "@/server/shared/clock";
import { DomainError, say } from "@/server/shared/errors";
import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { revokeSessions } from "@/server/auth/sessions/revoke-sessions";
import { clearTotp } from "./clear-totp";

/** Whose second factor the caller may reset: a tenant admin, the other admins of its tenant; an operator, anyone. */
export type ResetScope = { tenantId: string } | { anyAccount: true };

const notFound = () => new DomainError("NOT_FOUND", say("Account not found", "账号不存在"));

/**
 * An admin resets someone's lost second factor: it is turned off, and the account's sessions
 * end (whoever holds them may be the reason for the reset). If the account's policy requires a
 * second factor it must enrol again at its next sign-in. Outside the caller's scope the account
 * is NOT_FOUND, never FORBIDDEN, so ids cannot be probed.
 */
export async function resetTotpForUser(actor: AuditActor, scope: ResetScope, userId: string): Promise<{ reset: boolean; sessionsEnded: number }> {
  const target = await db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, role: true, tenantId: true, totpEnabledAt: true, totpPendingSecret: true } });
  if (!target) throw notFound();
  if ("tenantId" in scope && (target.role !== "tenant_admin" || target.tenantId !== scope.tenantId)) throw notFound();
  if (target.id === actor.id) {
    throw new DomainError("BAD_INPUT", say("Turn off your own two-step verification on your security page", "请在您的个人安全页面关闭自己的二次验证"));
  }
  const now = clock.now();
  return db.$transaction(async (tx) => {
    const hadFactor = target.totpEnabledAt !== null || target.totpPendingSecret !== null;
    if (hadFactor) await clearTotp(tx, target.id);
    const sessionsEnded = await revokeSessions(tx, { kind: "user", id: target.id }, { reason: "totp_reset" }, now);
    await recordAudit(
      actor,
      { action: "totp.reset", tenantId: target.tenantId, target: { type: "user", id: target.id }, details: { email: target.email, hadFactor, sessionsEnded } },
      tx,
    );
    return { reset: hadFactor, sessionsEnded };
  });
}
