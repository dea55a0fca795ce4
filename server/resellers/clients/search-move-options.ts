import { db } from "@/server/shared/db";
import type { ResellerStatus, TenantStatus } from "@/server/generated/prisma/enums.ts";
import { likeLiteral } from "@/server/shared/like-literal";

const LIMIT = 20;

export type TenantOption = { tenantId: string; name: string; status: TenantStatus; reseller: { id: string; name: string } | null };
export type ResellerTarget = { resellerId: string; name: string; status: ResellerStatus; parentName: string | null; selectable: boolean };

/** Tenants by part of their name, for the move dialog's picker (at most 20; type more to narrow). */
export async function searchTenants(search: string): Promise<TenantOption[]> {
  const rows = await db.tenant.findMany({
    where: search ? { name: { contains: likeLiteral(search) } } : {},
    select: { id: true, name: true, status: true, reseller: { select: { id: true, name: true } } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: LIMIT,
  });
  return rows.map((t) => ({ tenantId: t.id, name: t.name, status: t.status, reseller: t.reseller }));
}

/**
 * Every reseller a tenant could be moved to, sub-resellers with their parent's name; a suspended
 * one (or one under a suspended parent) is listed but not selectable, as moveTenant refuses it.
 */
export async function listMoveTargets(search: string): Promise<ResellerTarget[]> {
  const rows = await db.reseller.findMany({
    where: search ? { name: { contains: likeLiteral(search) } } : {},
    select: { id: true, name: true, status: true, parent: { select: { name: true, status: true } } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 100,
  });
  return rows.map((r) => ({
    resellerId: r.id,
    name: r.name,
    status: r.status,
    parentName: r.parent?.name ?? null,
    selectable: r.status === "active" && r.parent?.status !== "suspended",
  }));
}
