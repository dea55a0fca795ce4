import type { Prisma } from "@/server/generated/prisma/client.ts";
import { db } from "@/server/shared/db";
import type { ApiTenant } from "./api-tenant.types";

const TENANT_SELECT = {
  id: true,
  name: true,
  status: true,
  suspendedReason: true,
  suspendedAt: true,
  frozenUntil: true,
  timeZone: true,
  resellerId: true,
  createdAt: true,
  users: { where: { role: "tenant_admin" }, select: { email: true }, orderBy: { createdAt: "asc" }, take: 1 },
  // The live subscription (a cancelled one only when there is nothing newer).
  subscriptions: {
    select: { id: true, planId: true, seats: true, status: true, plan: { select: { code: true } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 1,
  },
} as const satisfies Prisma.TenantSelect;

type Row = Prisma.TenantGetPayload<{ select: typeof TENANT_SELECT }>;

const toApi = (t: Row): ApiTenant => {
  const sub = t.subscriptions[0];
  return {
    id: t.id,
    name: t.name,
    status: t.status,
    suspendedReason: t.suspendedReason,
    suspendedAt: t.suspendedAt?.toISOString() ?? null,
    frozenUntil: t.frozenUntil?.toISOString() ?? null,
    timeZone: t.timeZone,
    resellerId: t.resellerId,
    adminEmail: t.users[0]?.email ?? null,
    subscription: sub ? { id: sub.id, planId: sub.planId, planCode: sub.plan.code, seats: sub.seats, status: sub.status } : null,
    createdAt: t.createdAt.toISOString(),
  };
};

/** Tenants as the API shows them, oldest first (a stable order for paging). */
export async function readApiTenants(where: Prisma.TenantWhereInput, page: { skip: number; take: number }): Promise<ApiTenant[]> {
  const rows = await db.tenant.findMany({ where, select: TENANT_SELECT, orderBy: [{ createdAt: "asc" }, { id: "asc" }], ...page });
  return rows.map(toApi);
}

/** One tenant the caller has already been allowed to reach (reachTenant). */
export async function readApiTenant(tenantId: string): Promise<ApiTenant> {
  const [tenant] = await readApiTenants({ id: tenantId }, { skip: 0, take: 1 });
  return tenant!;
}
