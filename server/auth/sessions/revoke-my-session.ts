import { db } from "@/server/shared/db";
import { clock } from "@/server/shared/clock";
import { DomainError, say } from "@/server/shared/errors";
import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import type { SessionAccount } from "./revoke-sessions";

/**
 * Signs out one of the caller's own sessions (a browser left signed in elsewhere); the caller's
 * current one too, if they choose it. Someone else's session id is NOT_FOUND. Revoking a
 * session already ended succeeds without a second log entry, so a retried click is harmless.
 */
export async function revokeMySession(actor: AuditActor, account: SessionAccount, id: string): Promise<{ id: string; revoked: boolean }> {
  return db.$transaction(async (tx) => {
    const row = await tx.authSession.findFirst({ where: { id, accountKind: account.kind, accountId: account.id } });
    if (!row) throw new DomainError("NOT_FOUND", say("Session not found", "会话不存在"));
    if (row.revokedAt) return { id, revoked: false };
    await tx.authSession.update({ where: { id }, data: { revokedAt: clock.now(), revokedReason: "revoked_by_user" } });
    await recordAudit(actor, { action: "session.revoke", target: { type: "auth_session", id: id.slice(0, 12) }, details: { accountKind: account.kind, ip: row.ip } }, tx);
    return { id, revoked: true };
  });
}
