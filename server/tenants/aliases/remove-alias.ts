import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { DomainError, say } from "@/server/shared/errors";
import { loadTenantMailbox } from "../mailboxes/load-mailbox";
import { assertWritable, tenantTransaction } from "../tenant-transaction";
import type { TRemoveAliasRequest } from "./add-alias.types";

/** Removes one of a mailbox's aliases; the address is free again at once. The mailbox's own address is not an alias and is refused. */
export async function removeAlias(actor: AuditActor, tenantId: string, input: TRemoveAliasRequest): Promise<{ removed: string }> {
  return tenantTransaction(tenantId, async (tx, tenant) => {
    assertWritable(tenant);
    const mailbox = await loadTenantMailbox(tx, tenantId, input.mailboxId);
    const alias = await tx.mailAddress.findFirst({ where: { address: input.address, tenantId, mailboxId: mailbox.id, kind: "alias" }, select: { address: true } });
    if (!alias) throw new DomainError("NOT_FOUND", say(`${input.address} is not an alias of this mailbox`, `${input.address} 不是该邮箱的别名`));
    await tx.mailAddress.delete({ where: { address: alias.address } });
    await recordAudit(actor, { action: "alias.remove", tenantId, target: { type: "mailbox", id: mailbox.id }, details: { mailbox: mailbox.address, alias: alias.address } }, tx);
    return { removed: alias.address };
  });
}
