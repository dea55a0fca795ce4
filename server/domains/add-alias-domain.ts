import type { AuditActor } from "@/server/audit/record-audit";
import { bindDomain } from "./bind-domain";
import { generateDkimKey } from "./dkim/generate-dkim-key";
import type { DomainView } from "./domain-view";
import { normaliseDomainName } from "./rules/domain-name";
import type { TAddAliasDomainRequest } from "./add-alias-domain.types";

/**
 * A tenant binds an alias domain to one of its primary domains: mail to it is delivered as to the
 * primary. It is verified like any domain (own ownership token, MX, SPF, DMARC) and has its own
 * DKIM key, since mail sent from the alias is signed with d=<alias>. It counts toward the limit.
 */
export async function addAliasDomain(actor: AuditActor, tenantId: string, input: TAddAliasDomainRequest): Promise<DomainView> {
  const name = normaliseDomainName(input.name);
  const key = await generateDkimKey();
  return bindDomain(actor, { tenantId, name, key, primaryId: input.primaryId });
}
