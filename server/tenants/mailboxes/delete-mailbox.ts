import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { assertWritable, tenantTransaction } from "../tenant-transaction";
import type { TMailboxIdRequest } from "./create-mailbox.types";
import { loadTenantMailbox } from "./load-mailbox";

/**
 * Deletes a mailbox: its seat is free at once and its addresses (its own and its aliases, by
 * ON DELETE CASCADE) may be taken again; its mailing-list entries go too. The audit row keeps the
 * address and the aliases it had. A second delete is NOT_FOUND, which a retrying client can take as done.
 */
export async function deleteMailbox(actor: AuditActor, tenantId: string, input: TMailboxIdRequest): Promise<{ deleted: string }> {
  return tenantTransaction(tenantId, async (tx, tenant) => {
    assertWritable(tenant);
    const mailbox = await loadTenantMailbox(tx, tenantId, input.mailboxId);
    const aliases = await tx.mailAddress.findMany({ where: { mailboxId: mailbox.id, kind: "alias" }, select: { address: true } });
    await tx.mailbox.delete({ where: { id: mailbox.id } });
    await recordAudit(
      actor,
      { action: "mailbox.delete", tenantId, target: { type: "mailbox", id: mailbox.id }, details: { address: mailbox.address, aliases: aliases.map((a) => a.address) } },
      tx,
    );
    return { deleted: mailbox.id };
  });
}
