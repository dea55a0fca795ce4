// Shared by the clients tests: a reseller tree (top → sub, siblingSub; another top reseller), one
// client tenant for each (with an invited admin), a direct tenant, the session users of every kind
// of caller, tRPC callers, and an SMTP sink standing in for the mail server.
// Not imported by application code.
import { randomUUID } from "node:crypto";
import type { SessionUser } from "@/server/auth/session-user";
import { db } from "@/server/shared/db";
import { resetEnvCache } from "@/server/shared/env";
import { startSmtpSink, type SmtpSink } from "@/server/test/smtp-sink";
import { makeContext } from "@/server/trpc/context";
import { createCallerFactory, router } from "@/server/trpc/init";
import { clientsRouter } from "./router";
import { opsClientsRouter } from "./ops-router";

const testRouter = router({ clients: clientsRouter, clientsOps: opsClientsRouter });
export const callerFor = (user: SessionUser | null) => createCallerFactory(testRouter)(makeContext(user));

export const requestId = () => randomUUID();

/** Points the mailer at a fresh sink; PUBLIC_URL fixed so links can be checked. */
export async function useSmtpSink(): Promise<SmtpSink> {
  const sink = await startSmtpSink();
  process.env.SMTP_URL = sink.url;
  process.env.PUBLIC_URL = "https://portal.example.test";
  resetEnvCache();
  return sink;
}

const resellerUser = (id: string, resellerId: string): SessionUser => ({ id, email: `${id}@resellers.test`, name: id, role: "reseller", tenantId: null, resellerId });

let seq = 0;
/** A client tenant of `resellerId` (null: a direct customer) with one invited administrator. */
export async function makeClient(resellerId: string | null, name = `客户${++seq}`) {
  const tenant = await db.tenant.create({ data: { name, resellerId } });
  const admin = await db.user.create({
    data: { email: `admin${++seq}-${randomUUID().slice(0, 6)}@clients.test`, name: "管理员", role: "tenant_admin", status: "invited", passwordHash: "!invited:x", tenantId: tenant.id },
  });
  return { tenantId: tenant.id, adminEmail: admin.email };
}

export type ResellerTree = Awaited<ReturnType<typeof makeResellerTree>>;

export async function makeResellerTree(prefix = "") {
  const top = await db.reseller.create({ data: { name: `${prefix}华信通达` } });
  const other = await db.reseller.create({ data: { name: `${prefix}别家代理` } });
  const sub = await db.reseller.create({ data: { name: `${prefix}下级甲`, parentId: top.id } });
  const siblingSub = await db.reseller.create({ data: { name: `${prefix}下级乙`, parentId: top.id } });
  const clients = {
    own: await makeClient(top.id, `${prefix}自有客户`),
    sub: await makeClient(sub.id, `${prefix}甲的客户`),
    sibling: await makeClient(siblingSub.id, `${prefix}乙的客户`),
    other: await makeClient(other.id, `${prefix}别家客户`),
    direct: await makeClient(null, `${prefix}直属企业`),
  };
  const tenantAdmin: SessionUser = { id: "admin-1", email: clients.direct.adminEmail, name: "Admin", role: "tenant_admin", tenantId: clients.direct.tenantId, resellerId: null };
  const users = {
    operator: { id: "ops-1", email: "ops@example.test", name: "Ops", role: "operator", tenantId: null, resellerId: null } as SessionUser,
    top: resellerUser("top-staff", top.id),
    sub: resellerUser("sub-staff", sub.id),
    sibling: resellerUser("sibling-staff", siblingSub.id),
    other: resellerUser("other-staff", other.id),
    tenant_admin: tenantAdmin,
    signed_out: null,
  };
  return { top, sub, siblingSub, other, clients, users };
}

export type Caller = keyof ResellerTree["users"];
export const CALLERS: Caller[] = ["operator", "top", "sub", "sibling", "other", "tenant_admin", "signed_out"];
export type Target = "own" | "sub" | "sibling" | "direct";
export const TARGETS: Target[] = ["own", "sub", "sibling", "direct"];
