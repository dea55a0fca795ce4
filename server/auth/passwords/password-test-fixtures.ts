// Shared by the password and password-reset integration tests: portal accounts of every role with
// a real password, and sessions to revoke. Not imported by application code.
import { randomUUID } from "node:crypto";
import type { Role } from "@/server/auth/roles";
import type { SessionUser } from "@/server/auth/session-user";
import { hashPassword } from "@/server/auth/password";
import { db } from "@/server/shared/db";
import { makeContext } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/root";

export const OLD_PASSWORD = "Harbour#2026";

let seq = 0;
const unique = () => `${Date.now().toString(36)}${(seq += 1)}`;

export async function newTenant(name = "星河贸易") {
  return db.tenant.create({ data: { name } });
}

/** A portal account of `role` with OLD_PASSWORD (or `password`), and its session with a live AuthSession row. */
export async function portalAccount(role: Role, opts: { tenantId?: string; password?: string; local?: string } = {}) {
  const tenantId = role === "tenant_admin" ? (opts.tenantId ?? (await newTenant()).id) : null;
  const resellerId = role === "reseller" ? (await db.reseller.create({ data: { name: `Reseller ${unique()}` } })).id : null;
  const email = `${opts.local ?? "pw"}-${unique()}@example.test`;
  const user = await db.user.create({ data: { email, name: "王敏", role, tenantId, resellerId, passwordHash: await hashPassword(opts.password ?? OLD_PASSWORD) } });
  const sessionId = await openSession("user", user.id);
  const session: SessionUser = { id: user.id, email, name: user.name, role, tenantId, resellerId, sessionId };
  return { user, session, sessionId };
}

/** A live AuthSession row of an account (a signed-in browser). */
export async function openSession(kind: "user" | "mailbox", accountId: string): Promise<string> {
  const id = randomUUID().replace(/-/g, "");
  const now = new Date();
  await db.authSession.create({ data: { id, accountKind: kind, accountId, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + 3_600_000) } });
  return id;
}

export async function liveSessions(kind: "user" | "mailbox", accountId: string): Promise<string[]> {
  const rows = await db.authSession.findMany({ where: { accountKind: kind, accountId, revokedAt: null }, select: { id: true } });
  return rows.map((r) => r.id).sort();
}

export const callerAs = (user: SessionUser | null, ip = "127.0.0.1") => createCaller(makeContext(user, ip)).security;

/** Everything a password setter writes, to show a refusal wrote nothing. */
export async function passwordWriteCounts() {
  const [users, mailboxes, history, tokens, audits, revoked] = await Promise.all([
    db.user.findMany({ select: { passwordHash: true }, orderBy: { id: "asc" } }),
    db.mailbox.findMany({ select: { passwordHash: true }, orderBy: { id: "asc" } }),
    db.passwordHistory.count(),
    db.accountToken.count({ where: { usedAt: { not: null } } }),
    // Refused mutations still get a failure entry (the tRPC audit middleware): only successes count as writes.
    db.auditEvent.count({ where: { result: "success" } }),
    db.authSession.count({ where: { revokedAt: { not: null } } }),
  ]);
  return { users, mailboxes, history, tokens, audits, revoked };
}
