import { db } from "@/server/shared/db";
import { clock } from "@/server/shared/clock";
import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { revokeSessions, type SessionAccount } from "./revoke-sessions";

/** "Sign out everywhere else": every session of the account but the caller's own. */
export async function revokeOtherSessions(actor: AuditActor, account: SessionAccount, currentSessionId: string | null): Promise<{ revoked: number }> {
  return db.$transaction(async (tx) => {
    const revoked = await revokeSessions(tx, account, { exceptSessionId: currentSessionId, reason: "revoked_others_by_user" }, clock.now());
    await recordAudit(actor, { action: "session.revoke_others", target: { type: account.kind, id: account.id }, details: { revoked } }, tx);
    return { revoked };
  });
}
