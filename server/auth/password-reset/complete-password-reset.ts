import { recordAudit } from "@/server/audit/record-audit";
import { setAccountPassword } from "@/server/auth/passwords/set-account-password";
import { policyScopeOf } from "@/server/auth/policy/security-policy";
import { revokeSessions } from "@/server/auth/sessions/revoke-sessions";
import { clock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { DomainError } from "@/server/shared/errors";
import { loadResetToken, RESET_LINK_USED } from "./load-reset-token";
import type { TCompletePasswordResetRequest } from "./password-reset.types";

/**
 * The owner of the mailbox the link went to sets a new password: the rule and history of the
 * account's scope apply; the link is used up with any other unused one; every session of the
 * account ends (whoever knew the old password is out); and an active lockout of the account
 * ends, since proving the mailbox is a stronger check than the lockout guards.
 */
export async function completePasswordReset(input: TCompletePasswordResetRequest, ip: string | null): Promise<{ email: string }> {
  return db.$transaction(async (tx) => {
    const { user, token } = await loadResetToken(tx, input.token);
    const now = clock.now();
    await setAccountPassword(tx, { kind: "user", id: user.id, scope: policyScopeOf(user), accountName: user.email, password: input.password }, now);
    // Conditional on still unused: of two concurrent completions, only one can take the link.
    const taken = await tx.accountToken.updateMany({ where: { id: token.id, usedAt: null }, data: { usedAt: now } });
    if (taken.count !== 1) throw new DomainError("NOT_FOUND", RESET_LINK_USED);
    await tx.accountToken.updateMany({ where: { userId: user.id, purpose: "reset", usedAt: null }, data: { usedAt: now } });
    const sessionsRevoked = await revokeSessions(tx, { kind: "user", id: user.id }, { reason: "password_reset" }, now);
    const unlocked = await tx.accountLock.updateMany({ where: { accountKind: "user", accountId: user.id, unlockedAt: null, lockedUntil: { gt: now } }, data: { unlockedAt: now } });
    await recordAudit(
      { id: user.id, email: user.email, role: user.role, tenantId: user.tenantId, resellerId: user.resellerId, ip },
      { action: "password_reset.complete", target: { type: "user", id: user.id }, details: { tokenId: token.id, sessionsRevoked, locksEnded: unlocked.count } },
      tx,
    );
    return { email: user.email };
  });
}
