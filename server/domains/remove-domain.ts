import type { AuditActor } from "@/server/audit/record-audit";
import { recordAudit } from "@/server/audit/record-audit";
import { lockTenant } from "@/server/billing/ledger/lock-tenant";
import { DomainError, notFound, say } from "@/server/shared/errors";
import { countDomainAddresses, describeAddressCounts } from "./count-domain-addresses";
import { domainTransaction } from "./domain-transaction";
import type { TRemoveDomainRequest, TRemoveDomainResponse } from "./remove-domain.types";

/**
 * A tenant removes one of its domains, with its DKIM keys. Refused while alias domains hang on it
 * (named, so the customer knows what to remove first) or mailboxes live on it (counted).
 */
export async function removeDomain(actor: AuditActor, tenantId: string, input: TRemoveDomainRequest): Promise<TRemoveDomainResponse> {
  return domainTransaction(async (tx) => {
    await lockTenant(tx, tenantId);
    const domain = await tx.domain.findFirst({
      where: { id: input.domainId, tenantId },
      select: { id: true, name: true, unicodeName: true, aliasOfId: true, aliases: { select: { unicodeName: true }, orderBy: { name: "asc" } } },
    });
    if (!domain) throw notFound("Domain");
    if (domain.aliases.length > 0) {
      const names = domain.aliases.map((a) => a.unicodeName).join(", ");
      throw new DomainError("PRECONDITION_FAILED", say(`${domain.unicodeName} has alias domains: remove ${names} first`, `${domain.unicodeName} 还有别名域：请先删除 ${names}`));
    }
    const inUse = describeAddressCounts(await countDomainAddresses(tx, domain.id));
    if (inUse) {
      throw new DomainError(
        "PRECONDITION_FAILED",
        say(
          `${domain.unicodeName} still has ${inUse.en}: delete or move them before removing the domain`,
          `${domain.unicodeName} 下还有 ${inUse.zhCN}：请先删除或迁移后再删除域名`,
        ),
      );
    }
    await tx.domain.delete({ where: { id: domain.id } }); // DKIM keys go with it (ON DELETE CASCADE)
    await recordAudit(
      actor,
      {
        action: "domain.remove",
        tenantId,
        target: { type: "domain", id: domain.id },
        details: { name: domain.name, unicodeName: domain.unicodeName, ...(domain.aliasOfId ? { aliasOf: domain.aliasOfId } : {}) },
      },
      tx,
    );
    return { removed: domain.id };
  });
}
