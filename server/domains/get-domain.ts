import { db } from "@/server/shared/db";
import { notFound } from "@/server/shared/errors";
import { DOMAIN_VIEW_SELECT, toDomainView, type DomainView } from "./domain-view";

/** One of the tenant's domains. Another tenant's id is NOT_FOUND, exactly like an unknown one. */
export async function getDomain(tenantId: string, domainId: string): Promise<DomainView> {
  const row = await db.domain.findFirst({ where: { id: domainId, tenantId }, select: DOMAIN_VIEW_SELECT });
  if (!row) throw notFound("Domain");
  return toDomainView(row);
}
