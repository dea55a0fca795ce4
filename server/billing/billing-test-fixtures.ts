// Shared by billing integration tests: a tenant with its admin, the 263 plan, actors, and
// counts of every row a billing write touches. Not imported by application code.
import { randomUUID } from "node:crypto";
import type { AuditActor } from "@/server/audit/record-audit";
import type { SessionUser } from "@/server/auth/session-user";
import { db } from "@/server/shared/db";

export const operatorUser: SessionUser = { id: "ops-1", email: "ops@example.test", name: "Ops", role: "operator", tenantId: null, resellerId: null };
export const resellerUser: SessionUser = { id: "res-1", email: "res@example.test", name: "Res", role: "reseller", tenantId: null, resellerId: "r-1" };
export const operatorActor: AuditActor = { id: operatorUser.id, email: operatorUser.email, role: "operator", tenantId: null, ip: "127.0.0.1" };

export async function createBillingTenant(name = "星河贸易", timeZone = "Asia/Shanghai") {
  const tenant = await db.tenant.create({ data: { name, timeZone } });
  const admin: SessionUser = {
    id: `admin-${tenant.id}`,
    email: `admin-${tenant.id}@example.test`,
    name: "Admin",
    role: "tenant_admin",
    tenantId: tenant.id,
    resellerId: null,
  };
  const actor: AuditActor = { id: admin.id, email: admin.email, role: "tenant_admin", tenantId: tenant.id, ip: "127.0.0.1" };
  return { tenant, admin, actor };
}

/** The 263 catalogue's plan (seed 002 §3.1: 200 CNY per seat-year) unless told otherwise. */
export async function createPlan(pricePerSeatYear = 20_000, active = true) {
  return db.plan.create({
    data: {
      code: `p-${randomUUID().slice(0, 8)}`,
      name: `263 ${pricePerSeatYear}`,
      pricePerSeatYear,
      mailboxQuotaMb: 263 * 1024,
      mailboxMessageLimit: 50_000,
      attachmentLimitMb: 30,
      largeAttachmentLimitMb: 2048,
      active,
    },
  });
}

export const requestId = () => randomUUID();

export async function billingWriteCounts() {
  const [orders, subscriptions, ledger, resizes, audits] = await Promise.all([
    db.order.count(),
    db.subscription.count(),
    db.ledgerEntry.count(),
    db.resizeChange.count(),
    db.auditEvent.count({ where: { action: { startsWith: "billing." } } }),
  ]);
  return { orders, subscriptions, ledger, resizes, audits };
}
