import type { AuditActor } from "@/server/audit/record-audit";
import { recordAudit } from "@/server/audit/record-audit";
import { clock } from "@/server/shared/clock";
import { DomainError, notFound, say } from "@/server/shared/errors";
import { domainTransaction } from "../domain-transaction";
import { loadDomainKeysLocked } from "./load-domain-keys";
import type { TRetireDkimKeyRequest } from "./rotate-dkim-key.types";
import { signingKey } from "./signing-key";

export type RetiredKey = { id: string; selector: string; domainId: string };

/**
 * An operator retires an old DKIM key once mail signed with it has had time to be verified:
 * its selector is no longer published (the expected records leave it out) and it never signs.
 * Only an `active` key that is not the signing key may be retired, so a domain that had a
 * verified key always keeps one.
 */
export async function retireDkimKey(actor: AuditActor, input: TRetireDkimKeyRequest): Promise<RetiredKey> {
  return domainTransaction(async (tx) => {
    const owner = await tx.dkimKey.findUnique({ where: { id: input.keyId }, select: { domainId: true } });
    if (!owner) throw notFound("DKIM key");
    const domain = await loadDomainKeysLocked(tx, owner.domainId, null);
    const key = domain.dkimKeys.find((k) => k.id === input.keyId);
    if (!key) throw notFound("DKIM key");
    if (key.status === "retired") throw new DomainError("PRECONDITION_FAILED", say(`The DKIM key ${key.selector} is already retired`, `DKIM 密钥 ${key.selector} 已经停用`));
    if (key.status === "pending") {
      throw new DomainError("PRECONDITION_FAILED", say(
          `The DKIM key ${key.selector} has not been verified yet: only an older, active key can be retired`,
          `DKIM 密钥 ${key.selector} 尚未验证通过：只能停用已被新密钥取代的旧密钥`,
        ));
    }
    if (signingKey(domain.dkimKeys)?.id === key.id) {
      throw new DomainError(
        "PRECONDITION_FAILED",
        say(
          `The DKIM key ${key.selector} signs ${domain.unicodeName}'s mail: retire it only after a newer key has verified and taken over`,
          `DKIM 密钥 ${key.selector} 正在为 ${domain.unicodeName} 的邮件签名：请等新密钥验证通过并接替后再停用`,
        ),
      );
    }
    await tx.dkimKey.update({ where: { id: key.id }, data: { status: "retired", retiredAt: clock.now() } });
    await recordAudit(
      actor,
      {
        action: "dkim.retire",
        tenantId: domain.tenantId,
        target: { type: "dkim_key", id: key.id },
        details: { domainId: domain.id, domain: domain.name, selector: key.selector },
      },
      tx,
    );
    return { id: key.id, selector: key.selector, domainId: domain.id };
  });
}
