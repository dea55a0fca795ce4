import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { assertWritable, tenantTransaction } from "../tenant-transaction";
import type { TRemoveListEntryRequest } from "./add-list-entry.types";
import { loadTenantList } from "./load-tenant-list";

/**
 * Removes a member or a named sender. Idempotent: an entry already gone (a retried click) is
 * not an error, but the list itself must be the caller's (NOT_FOUND otherwise).
 */
export async function removeListEntry(actor: AuditActor, tenantId: string, input: TRemoveListEntryRequest): Promise<{ removed: string | null }> {
  return tenantTransaction(tenantId, async (tx, tenant) => {
    assertWritable(tenant);
    const list = await loadTenantList(tx, tenantId, input.listId);
    const entry = await tx.mailingListEntry.findFirst({ where: { id: input.entryId, listId: list.id }, select: { id: true, role: true, address: true } });
    if (!entry) return { removed: null };
    await tx.mailingListEntry.delete({ where: { id: entry.id } });
    await recordAudit(
      actor,
      { action: "list.entry.remove", tenantId, target: { type: "mailingList", id: list.id }, details: { list: list.address, role: entry.role, address: entry.address } },
      tx,
    );
    return { removed: entry.id };
  });
}
