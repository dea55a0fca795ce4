import type { Prisma } from "@/server/generated/prisma/client.ts";
import { resellersInTree } from "@/server/resellers/reseller-tree";
import { db } from "@/server/shared/db";
import type { ApiPrincipal } from "../http/authenticate";
import type { ApiTenant } from "./api-tenant.types";
import { readApiTenants } from "./read-api-tenants";

type Query = { page: number; pageSize: number; status?: "active" | "suspended" | "frozen" };

/** The tenants a key reaches, a page at a time: every tenant for an operator key, the tree's clients for a reseller key. */
export async function listApiTenants(principal: ApiPrincipal, query: Query): Promise<{ items: ApiTenant[]; page: number; pageSize: number; total: number }> {
  const where: Prisma.TenantWhereInput = {
    ...(principal.resellerId ? { resellerId: { in: await resellersInTree(principal.resellerId) } } : {}),
    ...(query.status ? { status: query.status } : {}),
  };
  const [items, total] = await Promise.all([
    readApiTenants(where, { skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
    db.tenant.count({ where }),
  ]);
  return { items, page: query.page, pageSize: query.pageSize, total };
}
