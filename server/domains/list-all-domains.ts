import type { Prisma } from "@/server/generated/prisma/client.ts";
import { db } from "@/server/shared/db";
import { DOMAIN_VIEW_SELECT, toDomainView } from "./domain-view";
import type { TListAllDomainsRequest, TListAllDomainsResponse } from "./list-all-domains.types";
import { likeLiteral } from "@/server/shared/like-literal";

/** Every tenant's domains, for operators: newest first, paged, searchable by domain or tenant name. */
export async function listAllDomains(request: TListAllDomainsRequest): Promise<TListAllDomainsResponse> {
  const { page, pageSize } = request;
  const search = request.search?.toLowerCase();
  const where: Prisma.DomainWhereInput = search
    ? { OR: [{ name: { contains: likeLiteral(search) } }, { unicodeName: { contains: likeLiteral(search) } }, { tenant: { name: { contains: likeLiteral(search) } } }] }
    : {};
  const [total, rows] = await Promise.all([
    db.domain.count({ where }),
    db.domain.findMany({
      where,
      select: { ...DOMAIN_VIEW_SELECT, tenant: { select: { name: true } } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
  ]);
  return {
    rows: rows.map((row) => ({ ...toDomainView(row), tenantId: row.tenantId, tenantName: row.tenant.name })),
    total,
    page,
    pageSize,
  };
}
