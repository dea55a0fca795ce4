import type { AuditActor } from "@/server/audit/record-audit";
import { recordAudit } from "@/server/audit/record-audit";
import { clock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { DomainError, say } from "@/server/shared/errors";
import { domainTransaction } from "../domain-transaction";
import { DOMAIN_VIEW_SELECT, toDomainView, type DomainView } from "../domain-view";
import { nextSelector } from "./dkim-selector";
import { generateDkimKey } from "./generate-dkim-key";
import { loadDomainKeysLocked } from "./load-domain-keys";
import type { TRotateDkimKeyRequest } from "./rotate-dkim-key.types";

/**
 * Starts a DKIM rotation: a new `pending` key under a new selector, which the customer publishes.
 * Signing switches to it only when the checker has seen its TXT record (activate-dkim-key.ts).
 * At most one pending key per domain: a second rotation before the first verified would leave
 * the customer with two records to publish and no way to tell which one counts.
 * `tenantId` is the customer's own tenant, or null for an operator (any tenant's domain).
 */
export async function rotateDkimKey(actor: AuditActor, tenantId: string | null, input: TRotateDkimKeyRequest): Promise<DomainView> {
  const key = await generateDkimKey(); // before the lock: generation takes a while
  const domainId = await domainTransaction(async (tx) => {
    const domain = await loadDomainKeysLocked(tx, input.domainId, tenantId);
    const pending = domain.dkimKeys.find((k) => k.status === "pending");
    if (pending) {
      throw new DomainError(
        "CONFLICT",
        say(
          `The DKIM key ${pending.selector} of ${domain.unicodeName} is still waiting for its DNS record: publish it and let it verify before making another`,
          `${domain.unicodeName} 的 DKIM 密钥 ${pending.selector} 仍在等待 DNS 记录：请先发布并验证通过，再生成新密钥`,
        ),
      );
    }
    const selector = nextSelector(clock.now(), domain.dkimKeys.map((k) => k.selector));
    const created = await tx.dkimKey.create({
      data: { domainId: domain.id, selector, publicKey: key.publicKey, privateKeyEnc: key.privateKeyEnc, status: "pending" },
      select: { id: true },
    });
    await recordAudit(
      actor,
      {
        action: "dkim.rotate",
        tenantId: domain.tenantId,
        target: { type: "dkim_key", id: created.id },
        details: { domainId: domain.id, domain: domain.name, selector },
      },
      tx,
    );
    return domain.id;
  });
  return toDomainView(await db.domain.findUniqueOrThrow({ where: { id: domainId }, select: DOMAIN_VIEW_SELECT }));
}
