import { acceptsMail } from "@/server/domains/check/is-domain-accepted";
import { db } from "@/server/shared/db";
import { domainCache } from "./accept-caches";
import { DEFAULT_ATTACHMENT_LIMIT_MB } from "./message-size";

/** One of the platform's domains, as the RCPT check needs it. */
export type PlatformDomain = {
  name: string;
  tenantId: string;
  /** [Domains]' acceptsMail(): mail_ready, or degraded with the MX still ours. */
  acceptsMail: boolean;
  /** The tenant is active (not suspended or frozen). */
  tenantActive: boolean;
  /** For an alias domain: its primary's name (mail to it is delivered as to the primary). */
  aliasOf: string | null;
  /** The tenant's plan's normal attachment limit (its active subscription's plan). */
  attachmentLimitMb: number;
};

/** `name`: an ASCII, lower-case domain. Null when no tenant has bound it. Cached (accept-caches). */
export function loadPlatformDomain(name: string): Promise<PlatformDomain | null> {
  return domainCache.get(name, async () => {
    const d = await db.domain.findUnique({
      where: { name },
      select: {
        name: true,
        tenantId: true,
        state: true,
        mxFailingSince: true,
        aliasOf: { select: { name: true } },
        tenant: {
          select: {
            status: true,
            subscriptions: { where: { status: "active" }, orderBy: { createdAt: "desc" }, take: 1, select: { plan: { select: { attachmentLimitMb: true } } } },
          },
        },
      },
    });
    if (!d) return null;
    return {
      name: d.name,
      tenantId: d.tenantId,
      acceptsMail: acceptsMail(d),
      tenantActive: d.tenant.status === "active",
      aliasOf: d.aliasOf?.name ?? null,
      attachmentLimitMb: d.tenant.subscriptions[0]?.plan.attachmentLimitMb ?? DEFAULT_ATTACHMENT_LIMIT_MB,
    };
  });
}
