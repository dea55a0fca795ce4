import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { assertWritable, tenantTransaction } from "../tenant-transaction";
import { loadTenantMailbox } from "./load-mailbox";
import type { TSetMailboxStatusRequest } from "./update-mailbox.types";

/**
 * Disables or enables a mailbox. A disabled mailbox keeps its seat and addresses (the admin may
 * enable it again) but cannot sign in. Setting the status it already has is a no-op, not audited.
 */
export async function setMailboxStatus(actor: AuditActor, tenantId: string, input: TSetMailboxStatusRequest): Promise<{ id: string; status: "active" | "disabled" }> {
  return tenantTransaction(tenantId, async (tx, tenant) => {
    assertWritable(tenant);
    const mailbox = await loadTenantMailbox(tx, tenantId, input.mailboxId);
    if (mailbox.status === input.status) return { id: mailbox.id, status: mailbox.status };
    await tx.mailbox.update({ where: { id: mailbox.id }, data: { status: input.status } });
    const action = input.status === "disabled" ? "mailbox.disable" : "mailbox.enable";
    await recordAudit(actor, { action, tenantId, target: { type: "mailbox", id: mailbox.id }, details: { address: mailbox.address } }, tx);
    return { id: mailbox.id, status: input.status };
  });
}
