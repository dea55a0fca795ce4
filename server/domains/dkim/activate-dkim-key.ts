import type { AuditActor } from "@/server/audit/record-audit";
import { recordAudit } from "@/server/audit/record-audit";
import { clock } from "@/server/shared/clock";
import { DomainError, notFound, say } from "@/server/shared/errors";
import { domainTransaction } from "../domain-transaction";
import { loadDomainKeysLocked } from "./load-domain-keys";

const SYSTEM: AuditActor = { id: null, email: null, role: null, tenantId: null, ip: null };

export type ActivatedKey = { id: string; selector: string; activated: boolean };

/**
 * Called by the checker when a pending key's TXT record verifies: the key becomes `active` and,
 * being the newest verified one, signs from now on (signing-key.ts). Older active keys stay
 * active and published until an operator retires them. Calling it again for an active key does
 * nothing (`activated: false`), so a re-check may call it freely; a retired key is refused.
 */
export async function activateDkimKey(keyId: string, actor: AuditActor = SYSTEM): Promise<ActivatedKey> {
  return domainTransaction(async (tx) => {
    const owner = await tx.dkimKey.findUnique({ where: { id: keyId }, select: { domainId: true } });
    if (!owner) throw notFound("DKIM key");
    const domain = await loadDomainKeysLocked(tx, owner.domainId, null);
    const key = domain.dkimKeys.find((k) => k.id === keyId);
    if (!key) throw notFound("DKIM key");
    if (key.status === "active") return { id: key.id, selector: key.selector, activated: false };
    if (key.status === "retired") throw new DomainError("PRECONDITION_FAILED", say(`The DKIM key ${key.selector} is retired and cannot sign again`, `DKIM 密钥 ${key.selector} 已停用，不能再用于签名`));
    await tx.dkimKey.update({ where: { id: key.id }, data: { status: "active", activatedAt: clock.now() } });
    await recordAudit(
      actor,
      {
        action: "dkim.activate",
        tenantId: domain.tenantId,
        target: { type: "dkim_key", id: key.id },
        details: { domainId: domain.id, domain: domain.name, selector: key.selector },
      },
      tx,
    );
    return { id: key.id, selector: key.selector, activated: true };
  });
}
