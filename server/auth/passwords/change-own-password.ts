import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { verifyPassword } from "@/server/auth/password";
import { policyScopeOf } from "@/server/auth/policy/security-policy";
import { revokeSessions } from "@/server/auth/sessions/revoke-sessions";
import { clock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { DomainError, say, type Localized } from "@/server/shared/errors";
import type { TChangeOwnPasswordRequest } from "./change-own-password.types";
import { setAccountPassword } from "./set-account-password";

const onField = (field: string, text: Localized) => new DomainError("BAD_INPUT", text, { [field]: [text] });

/**
 * A portal account (operator, reseller, tenant admin) replaces its own password, expired or not:
 * the current one must match; the new one follows the rule and history of the account's scope.
 * Every other browser of the account is signed out; the caller's own session (`sessionId`) stays.
 */
export async function changeOwnPassword(actor: AuditActor & { id: string }, sessionId: string | null, input: TChangeOwnPasswordRequest): Promise<{ changed: true }> {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: actor.id }, select: { id: true, email: true, passwordHash: true, tenantId: true, status: true } });
    if (!user || user.status !== "active") throw new DomainError("UNAUTHENTICATED", say("Sign in again", "请重新登录"));
    if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
      throw onField("currentPassword", say("The current password is not correct", "当前密码不正确"));
    }
    if (input.newPassword === input.currentPassword) {
      throw onField("newPassword", say("Choose a password different from the current one", "新密码不能与当前密码相同"));
    }
    const now = clock.now();
    await setAccountPassword(tx, { kind: "user", id: user.id, scope: policyScopeOf(user), accountName: user.email, password: input.newPassword, field: "newPassword" }, now);
    const revoked = await revokeSessions(tx, { kind: "user", id: user.id }, { exceptSessionId: sessionId, reason: "password_change" }, now);
    await recordAudit(actor, { action: "user.change_own_password", target: { type: "user", id: user.id }, details: { sessionsRevoked: revoked } }, tx);
    return { changed: true as const };
  });
}
