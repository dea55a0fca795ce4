import { db } from "@/server/shared/db";
import { domainLimit } from "./domain-limit";
import { DOMAIN_VIEW_SELECT, toDomainView } from "./domain-view";
import type { TListDomainsResponse } from "./list-domains.types";

/** The tenant's domains, oldest first, and how many its plan allows (for "3 of 5" in the page). */
export async function listDomains(tenantId: string): Promise<TListDomainsResponse> {
  const [rows, limit] = await Promise.all([
    db.domain.findMany({ where: { tenantId }, select: DOMAIN_VIEW_SELECT, orderBy: [{ createdAt: "asc" }, { name: "asc" }] }),
    domainLimit(db, tenantId),
  ]);
  return { rows: rows.map(toDomainView), limit };
}
