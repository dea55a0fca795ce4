import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { addressFor, claimAddress, loadTenantDomain } from "../addresses/claim-address";
import { assertWritable, tenantTransaction } from "../tenant-transaction";
import type { TCreateListRequest } from "./create-list.types";
import { LIST_SUMMARY_SELECT, toListSummary, type ListSummary } from "./list-view";

/**
 * 新建邮件列表: an address on one of the tenant's domains (alias domains too), a name and a
 * sender policy. Uses no seat. The address is claimed first: the MailAddress primary key is the
 * platform-wide guard and answers "already in use" whoever holds it (MailingList.address is unique
 * too, but its violation would not say so); it then points at the new list.
 */
export async function createList(actor: AuditActor, tenantId: string, input: TCreateListRequest): Promise<ListSummary> {
  return tenantTransaction(tenantId, async (tx, tenant) => {
    assertWritable(tenant);
    const domain = await loadTenantDomain(tx, tenantId, input.domainId);
    const { address } = addressFor(input.localPart, domain);
    await claimAddress(tx, { tenantId, domainId: domain.id, address, kind: "list" });
    const list = await tx.mailingList.create({
      data: { tenantId, domainId: domain.id, address, name: input.name, description: input.description || null, policy: input.policy },
      select: LIST_SUMMARY_SELECT,
    });
    await tx.mailAddress.update({ where: { address }, data: { listId: list.id } });
    await recordAudit(actor, { action: "list.create", tenantId, target: { type: "mailingList", id: list.id }, details: { address, name: input.name, policy: input.policy } }, tx);
    return toListSummary(list);
  });
}
