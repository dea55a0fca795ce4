// Shared by the reseller account tests: a reseller tree (top reseller with a sub-reseller and a
// sibling sub, another top reseller), client tenants, actors and session users. Not imported by
// application code.
import { randomUUID } from "node:crypto";
import type { AuditActor } from "@/server/audit/record-audit";
import type { SessionUser } from "@/server/auth/session-user";
import { db } from "@/server/shared/db";

export type ResellerFixture = { id: string; user: SessionUser; actor: AuditActor };

export async function createReseller(name: string, over: { parentId?: string | null; discountBps?: number; creditLimit?: number; status?: "active" | "suspended" } = {}): Promise<ResellerFixture> {
  const r = await db.reseller.create({
    data: { name, parentId: over.parentId ?? null, discountBps: over.discountBps ?? 0, creditLimit: BigInt(over.creditLimit ?? 0), status: over.status ?? "active" },
  });
  const user: SessionUser = { id: `ru-${r.id}`, email: `staff-${r.id}@example.test`, name: `${name} staff`, role: "reseller", tenantId: null, resellerId: r.id };
  const actor: AuditActor = { id: user.id, email: user.email, role: "reseller", tenantId: null, resellerId: r.id, ip: "127.0.0.1" };
  return { id: r.id, user, actor };
}

export async function createClient(resellerId: string | null, name = `Client ${randomUUID().slice(0, 6)}`) {
  const tenant = await db.tenant.create({ data: { name, timeZone: "Asia/Shanghai", resellerId } });
  const admin: SessionUser = { id: `admin-${tenant.id}`, email: `admin-${tenant.id}@example.test`, name: "Admin", role: "tenant_admin", tenantId: tenant.id, resellerId: null };
  const actor: AuditActor = { id: admin.id, email: admin.email, role: "tenant_admin", tenantId: tenant.id, ip: "127.0.0.1" };
  return { tenant, admin, actor };
}

/** What a reseller's books hold, for "nothing written" checks. */
export async function resellerWriteCounts() {
  const [entries, orders, subscriptions, ledger] = await Promise.all([db.resellerLedgerEntry.count(), db.order.count(), db.subscription.count(), db.ledgerEntry.count()]);
  return { entries, orders, subscriptions, ledger };
}

export const entriesOf = (resellerId: string) => db.resellerLedgerEntry.findMany({ where: { resellerId }, orderBy: { id: "asc" } });
