import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { setAccountPassword } from "@/server/auth/passwords/set-account-password";
import { revokeSessions } from "@/server/auth/sessions/revoke-sessions";
import { clock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { notFound } from "@/server/shared/errors";
import { assertWritable, tenantTransaction } from "../tenant-transaction";
import { loadTenantMailbox } from "./load-mailbox";
import { assertPasswordAllowed } from "./mailbox-input";
import type { TResetMailboxPasswordRequest } from "./update-mailbox.types";

/**
 * An admin sets a new password for a mailbox (a user who forgot theirs); the user must change it
 * again at the next sign-in. The tenant's rule and history apply as to every password, and every
 * signed-in browser of the mailbox is signed out: whoever knew the old password is locked out.
 */
export async function resetMailboxPassword(actor: AuditActor, tenantId: string, input: TResetMailboxPasswordRequest): Promise<{ id: string }> {
  // The rule needs the mailbox's name; an unknown id is NOT_FOUND, and a weak password refused,
  // before the tenant is locked.
  const known = await db.mailbox.findFirst({ where: { id: input.mailboxId, tenantId }, select: { localPart: true } });
  if (!known) throw notFound("Mailbox");
  await assertPasswordAllowed(tenantId, input.password, known.localPart);
  return tenantTransaction(tenantId, async (tx, tenant) => {
    assertWritable(tenant);
    const mailbox = await loadTenantMailbox(tx, tenantId, input.mailboxId);
    const now = clock.now();
    await setAccountPassword(tx, { kind: "mailbox", id: mailbox.id, scope: tenantId, accountName: mailbox.address, password: input.password }, now);
    await tx.mailbox.update({ where: { id: mailbox.id }, data: { mustChangePassword: true } });
    const revoked = await revokeSessions(tx, { kind: "mailbox", id: mailbox.id }, { reason: "admin_reset" }, now);
    await recordAudit(actor, { action: "mailbox.reset_password", tenantId, target: { type: "mailbox", id: mailbox.id }, details: { address: mailbox.address, sessionsRevoked: revoked } }, tx);
    return { id: mailbox.id };
  });
}
