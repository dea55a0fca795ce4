import { randomBytes } from "node:crypto";
import { Prisma } from "@/server/generated/prisma/client.ts";
import type { AuditActor } from "@/server/audit/record-audit";
import { recordAudit } from "@/server/audit/record-audit";
import { lockTenant } from "@/server/billing/ledger/lock-tenant";
import { clock } from "@/server/shared/clock";
import { DomainError, notFound, say, type Localized } from "@/server/shared/errors";
import { nextSelector } from "./dkim/dkim-selector";
import type { GeneratedDkimKey } from "./dkim/generate-dkim-key";
import { countTenantDomains, domainLimit } from "./domain-limit";
import { domainTransaction, type Tx } from "./domain-transaction";
import { DOMAIN_VIEW_SELECT, toDomainView, type DomainView } from "./domain-view";
import type { DomainName } from "./rules/domain-name";

// The one path by which a domain (primary or alias) comes into existence: shared by add-domain.ts
// and add-alias-domain.ts so both obey the same uniqueness and limit rules.

export const BOUND_ELSEWHERE = say("This domain is already bound to another account", "该域名已被其他账户绑定");

const conflict = (message: Localized) => new DomainError("CONFLICT", message, { name: [message] });

/** Never says whose it is when it is someone else's; says so plainly when it is the caller's own. */
async function assertFree(tx: Tx, tenantId: string, name: DomainName): Promise<void> {
  const existing = await tx.domain.findUnique({ where: { name: name.ascii }, select: { tenantId: true } });
  if (!existing) return;
  if (existing.tenantId === tenantId) throw conflict(say(`You have already added ${name.unicode}`, `您已添加过 ${name.unicode}`));
  throw conflict(BOUND_ELSEWHERE);
}

async function assertRoom(tx: Tx, tenantId: string): Promise<void> {
  const [limit, count] = await Promise.all([domainLimit(tx, tenantId), countTenantDomains(tx, tenantId)]);
  if (count >= limit) {
    throw new DomainError(
      "PRECONDITION_FAILED",
      say(
        `Your plan allows ${limit} domains, alias domains included, and you have ${count}: remove one or move to a larger plan first`,
        `您的套餐最多可绑定 ${limit} 个域名（含别名域），目前已有 ${count} 个：请先删除一个或升级套餐`,
      ),
    );
  }
}

/** The caller's primary domain an alias attaches to: not another tenant's (NOT_FOUND), not an alias. */
async function loadPrimary(tx: Tx, tenantId: string, primaryId: string) {
  const primary = await tx.domain.findFirst({
    where: { id: primaryId, tenantId },
    select: { id: true, unicodeName: true, aliasOf: { select: { unicodeName: true } } },
  });
  if (!primary) throw notFound("Domain");
  if (primary.aliasOf) {
    const message = say(
      `${primary.unicodeName} is itself an alias of ${primary.aliasOf.unicodeName}: attach the new alias to ${primary.aliasOf.unicodeName}`,
      `${primary.unicodeName} 本身是 ${primary.aliasOf.unicodeName} 的别名域：请把新的别名域关联到 ${primary.aliasOf.unicodeName}`,
    );
    throw new DomainError("BAD_INPUT", message, { primaryId: [message] });
  }
  return primary;
}

export type BindRequest = { tenantId: string; name: DomainName; key: GeneratedDkimKey; primaryId: string | null };

/**
 * Creates the domain (unverified, a fresh 32-hex ownership token, due for its first check now)
 * and its first DKIM key (pending) in one transaction under the tenant's lock, and audits it.
 */
export async function bindDomain(actor: AuditActor, req: BindRequest): Promise<DomainView> {
  return domainTransaction(async (tx) => {
    const tenant = await lockTenant(tx, req.tenantId);
    if (tenant.status === "frozen") throw new DomainError("PRECONDITION_FAILED", say("This account is terminated: domains can no longer be added", "该企业账户已终止，不能再添加域名"));
    const primary = req.primaryId ? await loadPrimary(tx, tenant.id, req.primaryId) : null;
    await assertFree(tx, tenant.id, req.name);
    await assertRoom(tx, tenant.id);
    const now = clock.now();
    const selector = nextSelector(now, []);
    const created = await tx.domain
      .create({
        data: {
          tenantId: tenant.id,
          name: req.name.ascii,
          unicodeName: req.name.unicode,
          aliasOfId: primary?.id ?? null,
          ownershipToken: randomBytes(16).toString("hex"),
          nextCheckAt: now,
          dkimKeys: { create: { selector, publicKey: req.key.publicKey, privateKeyEnc: req.key.privateKeyEnc, status: "pending" } },
        },
        select: DOMAIN_VIEW_SELECT,
      })
      .catch((e: unknown) => {
        // Another tenant bound the same name between our check and our insert.
        if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") throw conflict(BOUND_ELSEWHERE);
        throw e;
      });
    await recordAudit(
      actor,
      {
        action: primary ? "domain.alias_add" : "domain.add",
        tenantId: tenant.id,
        target: { type: "domain", id: created.id },
        details: { name: created.name, unicodeName: created.unicodeName, dkimSelector: selector, ...(primary ? { aliasOf: primary.id } : {}) },
      },
      tx,
    );
    return toDomainView(created);
  });
}
