import type { AuditActor } from "@/server/audit/record-audit";
import { bindDomain } from "./bind-domain";
import { generateDkimKey } from "./dkim/generate-dkim-key";
import type { DomainView } from "./domain-view";
import { normaliseDomainName } from "./rules/domain-name";
import type { TAddDomainRequest } from "./add-domain.types";

/**
 * A tenant binds a primary domain. The name is checked before anything else, and the DKIM key is
 * generated before the transaction, so a bad name writes nothing and the tenant lock is held only
 * for the checks and the inserts.
 */
export async function addDomain(actor: AuditActor, tenantId: string, input: TAddDomainRequest): Promise<DomainView> {
  const name = normaliseDomainName(input.name);
  const key = await generateDkimKey();
  return bindDomain(actor, { tenantId, name, key, primaryId: null });
}
