import { verifyPassword } from "@/server/auth/password";
import { setAccountPassword } from "@/server/auth/passwords/set-account-password";
import { revokeSessions } from "@/server/auth/sessions/revoke-sessions";
import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { clock } from "@/server/shared/clock";
import { DomainError, notFound, say } from "@/server/shared/errors";
import { assertWritable, tenantTransaction } from "../tenant-transaction";
import type { TChangeMyPasswordRequest } from "./change-my-password.types";

/** How long after a change a retry of the same request still counts as that change. */
const RETRY_WINDOW_MS = 10 * 60_000;

const bad = (field: "currentPassword" | "newPassword", text: ReturnType<typeof say>) => new DomainError("BAD_INPUT", text, { [field]: [text] });

/**
 * A mailbox user replaces their password (the admin's initial one, an expired one, or their own):
 * the current one must match, the new one must pass the tenant's rule and not be one of the last
 * N. Clears mustChangePassword and signs out every other browser of the mailbox (`sessionId`, the
 * caller's own, stays). A retry of the same request after it succeeded (the answer was lost)
 * finds the new password already stored and succeeds again without writing.
 */
export async function changeMyPassword(
  actor: AuditActor,
  tenantId: string,
  mailboxId: string,
  input: TChangeMyPasswordRequest,
  sessionId: string | null = null,
): Promise<{ changed: boolean }> {
  return tenantTransaction(tenantId, async (tx, tenant) => {
    assertWritable(tenant);
    const mailbox = await tx.mailbox.findFirst({ where: { id: mailboxId, tenantId, status: "active" }, select: { address: true, passwordHash: true, passwordChangedAt: true } });
    if (!mailbox) throw notFound("Mailbox");

    const now = clock.now();
    if (!(await verifyPassword(mailbox.passwordHash, input.currentPassword))) {
      const justChanged = mailbox.passwordChangedAt && now.getTime() - mailbox.passwordChangedAt.getTime() < RETRY_WINDOW_MS;
      if (justChanged && (await verifyPassword(mailbox.passwordHash, input.newPassword))) return { changed: false };
      throw bad("currentPassword", say("The current password is not correct", "当前密码不正确"));
    }
    if (input.newPassword === input.currentPassword) {
      throw bad("newPassword", say("Choose a password different from the current one", "新密码不能与当前密码相同"));
    }
    const password = { kind: "mailbox", id: mailboxId, scope: tenantId, accountName: mailbox.address, password: input.newPassword, field: "newPassword" } as const;
    await setAccountPassword(tx, password, now);
    await tx.mailbox.update({ where: { id: mailboxId }, data: { mustChangePassword: false } });
    const revoked = await revokeSessions(tx, { kind: "mailbox", id: mailboxId }, { exceptSessionId: sessionId, reason: "password_change" }, now);
    await recordAudit(actor, { action: "mailbox.change_own_password", tenantId, target: { type: "mailbox", id: mailboxId }, details: { sessionsRevoked: revoked } }, tx);
    return { changed: true };
  });
}
