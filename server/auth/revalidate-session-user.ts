import { db } from "@/server/shared/db";
import { clock } from "@/server/shared/clock";
import { loadSecurityPolicy, policyScopeOf } from "./policy/security-policy";
import { passwordSetAt } from "./passwords/password-age";
import { checkAuthSession } from "./sessions/check-auth-session";
import { sessionRestriction } from "./sessions/session-restriction";
import type { SessionAccount } from "./sessions/revoke-sessions";
import { sessionOfMailbox } from "./sign-in-mailbox";
import type { SessionUser } from "./session-user";
import type { SessionRole } from "./roles";

type Current = { user: SessionUser; account: SessionAccount; role: SessionRole; passwordSetAt: Date; totpEnabled: boolean };

/**
 * A session token is signed for days, but an account can be disabled, or moved to another role,
 * tenant or reseller, and its AuthSession revoked or timed out, in the meantime. Every request
 * re-reads the row by primary key, then the session row and the account's policy, and treats a
 * token that no longer matches as signed out. It also works out `restriction` afresh, so a
 * password that expires mid-session restricts the session at once.
 */
export async function revalidateSessionUser(token: SessionUser): Promise<SessionUser | null> {
  const current = token.role === "mailbox_user" ? await currentMailboxUser(token) : await currentPortalUser(token);
  if (!current) return null;
  const now = clock.now();
  const policy = await loadSecurityPolicy(policyScopeOf(current.user));
  if (!(await checkAuthSession(token.sessionId, current.account, policy, now))) return null;
  const restriction = sessionRestriction({ role: current.role, passwordSetAt: current.passwordSetAt, totpEnabled: current.totpEnabled }, policy, now);
  return { ...current.user, sessionId: token.sessionId, restriction };
}

async function currentPortalUser(token: SessionUser): Promise<Current | null> {
  const row = await db.user.findUnique({
    where: { id: token.id },
    select: {
      email: true, name: true, role: true, status: true, tenantId: true, resellerId: true,
      passwordChangedAt: true, createdAt: true, totpEnabledAt: true,
    },
  });
  if (!row || row.status !== "active") return null;
  if (row.role !== token.role || row.tenantId !== token.tenantId || row.resellerId !== token.resellerId) return null;
  const user: SessionUser = { id: token.id, email: row.email, name: row.name, role: row.role, tenantId: row.tenantId, resellerId: row.resellerId };
  return { user, account: { kind: "user", id: token.id }, role: row.role, passwordSetAt: passwordSetAt(row), totpEnabled: row.totpEnabledAt !== null };
}

/** A mailbox user's session ends when the mailbox is disabled, deleted, moved or its tenant terminated. */
async function currentMailboxUser(token: SessionUser): Promise<Current | null> {
  if (!token.mailboxId || token.mailboxId !== token.id) return null;
  const row = await db.mailbox.findUnique({
    where: { id: token.mailboxId },
    select: {
      id: true, address: true, displayName: true, tenantId: true, status: true, passwordChangedAt: true, createdAt: true,
      tenant: { select: { status: true, purgedAt: true } },
    },
  });
  if (!row || row.status !== "active" || row.tenantId !== token.tenantId) return null;
  if (row.tenant.status === "frozen" || row.tenant.purgedAt) return null;
  return { user: sessionOfMailbox(row), account: { kind: "mailbox", id: row.id }, role: "mailbox_user", passwordSetAt: passwordSetAt(row), totpEnabled: false };
}
