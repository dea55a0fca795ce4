import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { hashPassword } from "@/server/auth/password";
import { db } from "@/server/shared/db";
import { notFound } from "@/server/shared/errors";
import { assertWritable, tenantTransaction } from "../tenant-transaction";
import { loadTenantMailbox } from "./load-mailbox";
import { assertPasswordAllowed } from "./mailbox-input";
import type { TResetMailboxPasswordRequest } from "./update-mailbox.types";

/**
 * An admin sets a new password for a mailbox (a user who forgot theirs); the user must change it
 * again at the next sign-in. Hashed before the transaction, like at creation.
 */
export async function resetMailboxPassword(actor: AuditActor, tenantId: string, input: TResetMailboxPasswordRequest): Promise<{ id: string }> {
  // The rule needs the mailbox's name; an unknown id is NOT_FOUND before anything is hashed.
  const known = await db.mailbox.findFirst({ where: { id: input.mailboxId, tenantId }, select: { localPart: true } });
  if (!known) throw notFound("Mailbox");
  assertPasswordAllowed(input.password, known.localPart);
  const passwordHash = await hashPassword(input.password);
  return tenantTransaction(tenantId, async (tx, tenant) => {
    assertWritable(tenant);
    const mailbox = await loadTenantMailbox(tx, tenantId, input.mailboxId);
    await tx.mailbox.update({ where: { id: mailbox.id }, data: { passwordHash, mustChangePassword: true } });
    await recordAudit(actor, { action: "mailbox.reset_password", tenantId, target: { type: "mailbox", id: mailbox.id }, details: { address: mailbox.address } }, tx);
    return { id: mailbox.id };
  });
}
