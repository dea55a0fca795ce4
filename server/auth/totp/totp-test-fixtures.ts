// Shared by the second-factor and session integration tests: real accounts of every kind (the
// use cases read their rows), each with a live AuthSession, and the session users naming them.
// Not imported by application code.
import { randomUUID } from "node:crypto";
import type { SessionUser } from "@/server/auth/session-user";
import { hashPassword } from "@/server/auth/password";
import { createAuthSession } from "@/server/auth/sessions/create-auth-session";
import { policyScopeOf } from "@/server/auth/policy/security-policy";
import { db } from "@/server/shared/db";
import { clock } from "@/server/shared/clock";
import { makeContext } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/root";
import { openSecret } from "./seal-secret";
import { totpCodeAt } from "./totp-code";

export const PASSWORD = "Right#Pass2026";

export async function makeAccount(role: "operator" | "tenant_admin" | "reseller", more: { tenantId?: string; resellerId?: string } = {}): Promise<SessionUser> {
  const email = `${role}-${randomUUID().slice(0, 8)}@t.local`;
  const row = await db.user.create({
    data: { email, name: role, passwordHash: await hashPassword(PASSWORD), role, tenantId: more.tenantId ?? null, resellerId: more.resellerId ?? null },
  });
  const user: SessionUser = { id: row.id, email, name: role, role, tenantId: row.tenantId, resellerId: row.resellerId };
  return { ...user, sessionId: await createAuthSession({ kind: "user", id: row.id, scope: policyScopeOf(user) }, { ip: "192.0.2.1", userAgent: "test" }, clock.now()) };
}

export async function makeMailboxUser(tenantId: string): Promise<SessionUser> {
  const name = `d${randomUUID().slice(0, 8)}.test`;
  const domain = await db.domain.create({ data: { tenantId, name, unicodeName: name, ownershipToken: "t" } });
  const address = `u@${name}`;
  const box = await db.mailbox.create({
    data: { tenantId, domainId: domain.id, localPart: "u", address, displayName: "U", quotaMb: 100, passwordHash: "x", mustChangePassword: false },
  });
  const user: SessionUser = { id: box.id, email: address, name: "U", role: "mailbox_user", tenantId, resellerId: null, mailboxId: box.id };
  return { ...user, sessionId: await createAuthSession({ kind: "mailbox", id: box.id, scope: tenantId }, { ip: null, userAgent: null }, clock.now()) };
}

export async function makeWorld() {
  const [tenantA, tenantB] = await Promise.all([db.tenant.create({ data: { name: "A" } }), db.tenant.create({ data: { name: "B" } })]);
  const reseller = await db.reseller.create({ data: { name: "R" } });
  const [operator, adminA, adminA2, adminB, resellerUser, mailboxA] = await Promise.all([
    makeAccount("operator"),
    makeAccount("tenant_admin", { tenantId: tenantA.id }),
    makeAccount("tenant_admin", { tenantId: tenantA.id }),
    makeAccount("tenant_admin", { tenantId: tenantB.id }),
    makeAccount("reseller", { resellerId: reseller.id }),
    makeMailboxUser(tenantA.id),
  ]);
  return { tenantA, tenantB, reseller, users: { operator, adminA, adminA2, adminB, reseller: resellerUser, mailboxA } };
}

export const callerFor = (user: SessionUser | null) => createCaller(makeContext(user));

/** The code an authenticator holding the account's pending (or enabled) secret shows at `at`. */
export async function codeFor(userId: string, at: Date, which: "pending" | "enabled" = "enabled"): Promise<string> {
  const row = await db.user.findUniqueOrThrow({ where: { id: userId } });
  const sealed = which === "pending" ? row.totpPendingSecret : row.totpSecret;
  return totpCodeAt(openSecret(sealed!)!, at);
}

/** Enrols the account through its own procedures; returns its recovery codes. */
export async function enrol(user: SessionUser, at: Date): Promise<string[]> {
  await callerFor(user).security.totp.beginEnrolment();
  const { recoveryCodes } = await callerFor(user).security.totp.confirmEnrolment({ code: await codeFor(user.id, at, "pending") });
  return recoveryCodes;
}
