import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { DomainError, say } from "@/server/shared/errors";
import { addressFor, claimAddress, loadTenantDomain } from "../addresses/claim-address";
import { loadTenantMailbox } from "../mailboxes/load-mailbox";
import { requirePlanLimits } from "../mailboxes/plan-limits";
import { assertWritable, tenantTransaction } from "../tenant-transaction";
import type { TAddAliasRequest, TAliasView } from "./add-alias.types";

/**
 * Adds an alias (another address delivering to the mailbox), at most the plan's
 * `aliasesPerMailbox` per mailbox, counted under the tenant's lock. The address is claimed through
 * the platform-wide MailAddress key: taken anywhere, by any tenant, it is "already in use".
 * Adding an alias the mailbox already has returns it unchanged (a retried request).
 */
export async function addAlias(actor: AuditActor, tenantId: string, input: TAddAliasRequest): Promise<TAliasView> {
  return tenantTransaction(tenantId, async (tx, tenant) => {
    assertWritable(tenant);
    const mailbox = await loadTenantMailbox(tx, tenantId, input.mailboxId);
    const domain = await loadTenantDomain(tx, tenantId, input.domainId);
    const { address } = addressFor(input.localPart, domain);
    const existing = await tx.mailAddress.findUnique({ where: { address }, select: { address: true, domainId: true, createdAt: true, kind: true, mailboxId: true } });
    if (existing?.kind === "alias" && existing.mailboxId === mailbox.id) return { address, domainId: existing.domainId, createdAt: existing.createdAt };

    const { aliasesPerMailbox } = await requirePlanLimits(tx, tenantId);
    const count = await tx.mailAddress.count({ where: { mailboxId: mailbox.id, kind: "alias" } });
    if (count >= aliasesPerMailbox) {
      const text = say(`A mailbox may have at most ${aliasesPerMailbox} aliases on your plan; remove one first`, `当前套餐每个邮箱最多 ${aliasesPerMailbox} 个别名，请先删除一个`);
      throw new DomainError("PRECONDITION_FAILED", text, { localPart: [text] });
    }
    await claimAddress(tx, { tenantId, domainId: domain.id, address, kind: "alias", mailboxId: mailbox.id });
    await recordAudit(actor, { action: "alias.add", tenantId, target: { type: "mailbox", id: mailbox.id }, details: { mailbox: mailbox.address, alias: address } }, tx);
    const created = await tx.mailAddress.findUniqueOrThrow({ where: { address }, select: { address: true, domainId: true, createdAt: true } });
    return created;
  });
}
