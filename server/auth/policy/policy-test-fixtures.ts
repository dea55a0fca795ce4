// Shared by the security-settings integration tests: two tenants with an admin (a real User row,
// so locks show its e-mail) and a mailbox each, the other callers of the authorisation matrix,
// locks of every kind, and counts of every row these procedures write. Not imported by application code.
import { expect } from "vitest";
import type { SessionUser } from "@/server/auth/session-user";
import { createConsoleTenant, operatorUser, resellerUser, seedMailboxes } from "@/server/tenants/tenant-test-fixtures";
import { clock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { refusal } from "@/server/test/authz";
import { makeContext } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/root";

export { operatorUser, resellerUser };

/** `policyCaller(user, ip).tenant.update(...)`, `.ops.locks()`: the security.policy router as `user` from `ip`. */
export const policyCaller = (user: SessionUser | null, ip: string | null = "127.0.0.1") => createCaller(makeContext(user, ip)).security.policy;

async function tenantWithPeople(name: string) {
  const t = await createConsoleTenant({ name });
  await db.user.create({ data: { id: t.admin.id, email: t.admin.email, name: "Admin", passwordHash: "x", role: "tenant_admin", tenantId: t.tenant.id } });
  const [mailboxId] = await seedMailboxes(t, 1);
  const mailbox = await db.mailbox.findUniqueOrThrow({ where: { id: mailboxId! } });
  const mailboxUser: SessionUser = { id: mailbox.id, email: mailbox.address, name: mailbox.displayName, role: "mailbox_user", tenantId: t.tenant.id, resellerId: null, mailboxId: mailbox.id };
  return { ...t, mailbox, mailboxUser };
}

export async function seedPolicyWorld() {
  const a = await tenantWithPeople("甲公司");
  const b = await tenantWithPeople("Beta Ltd");
  return { a, b };
}

type LockOf = { kind: "user" | "mailbox"; accountId: string; tenantId: string } | { ip: string };

/** A lock in force for ten minutes more (or ended, with `ended`), of an account or an address. */
export async function lockFor(of: LockOf, ended = false) {
  const now = clock.now();
  const until = new Date(now.getTime() + (ended ? -60_000 : 10 * 60_000));
  const who = "ip" in of ? { ip: of.ip } : { accountKind: of.kind, accountId: of.accountId, tenantId: of.tenantId };
  return db.accountLock.create({ data: { ...who, failures: 5, lockedAt: new Date(now.getTime() - 60_000), lockedUntil: until } });
}

/** Rows the security-settings procedures write, to assert that a refused call wrote nothing. */
export async function policyWriteCounts() {
  const [policies, ipRules, allowEntries, unlocked, audits] = await Promise.all([
    db.securityPolicy.count(),
    db.ipRule.count(),
    db.lockoutAllowEntry.count(),
    db.accountLock.count({ where: { unlockedAt: { not: null } } }),
    // A refused mutation still leaves its failure entry (the audit middleware); nothing else.
    db.auditEvent.count({ where: { result: "success" } }),
  ]);
  return { policies, ipRules, allowEntries, unlocked, audits };
}

/** The refusal of `call` (as `refusal` gives it), asserting that it wrote nothing. */
export async function refusedWritingNothing(call: () => Promise<unknown>) {
  const before = await policyWriteCounts();
  const r = await refusal(call());
  expect(await policyWriteCounts()).toEqual(before);
  return r;
}
