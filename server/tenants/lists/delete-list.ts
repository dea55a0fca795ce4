import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { assertWritable, tenantTransaction } from "../tenant-transaction";
import type { TListIdRequest } from "./create-list.types";
import { loadTenantList } from "./load-tenant-list";

/**
 * 删除邮件列表: dissolves the list only (seed 001: members' mailboxes stay). Its entries and its
 * MailAddress row go by ON DELETE CASCADE, so the address is free again at once.
 */
export async function deleteList(actor: AuditActor, tenantId: string, input: TListIdRequest): Promise<{ deleted: string }> {
  return tenantTransaction(tenantId, async (tx, tenant) => {
    assertWritable(tenant);
    const list = await loadTenantList(tx, tenantId, input.listId);
    await tx.mailingList.delete({ where: { id: list.id } });
    await recordAudit(actor, { action: "list.delete", tenantId, target: { type: "mailingList", id: list.id }, details: { address: list.address, name: list.name } }, tx);
    return { deleted: list.id };
  });
}
