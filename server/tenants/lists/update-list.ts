import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { assertWritable, tenantTransaction } from "../tenant-transaction";
import { LIST_SUMMARY_SELECT, toListSummary, type ListSummary } from "./list-view";
import { loadTenantList } from "./load-tenant-list";
import type { TUpdateListRequest } from "./update-list.types";

/**
 * Renames a list, changes its description or its sender policy. Named senders are kept when the
 * policy no longer uses them, so switching back does not lose them; maySendToList ignores them.
 */
export async function updateList(actor: AuditActor, tenantId: string, input: TUpdateListRequest): Promise<ListSummary> {
  return tenantTransaction(tenantId, async (tx, tenant) => {
    assertWritable(tenant);
    const before = await loadTenantList(tx, tenantId, input.listId);
    const list = await tx.mailingList.update({
      where: { id: before.id },
      data: { name: input.name, description: input.description || null, policy: input.policy },
      select: LIST_SUMMARY_SELECT,
    });
    const changed = Object.fromEntries(
      (["name", "description", "policy"] as const).filter((k) => before[k] !== list[k]).map((k) => [k, { from: before[k], to: list[k] }]),
    );
    await recordAudit(actor, { action: "list.update", tenantId, target: { type: "mailingList", id: list.id }, details: { address: list.address, changed } }, tx);
    return toListSummary(list);
  });
}
