import { db } from "@/server/shared/db";
import type { SecurityPolicyValues } from "@/server/auth/policy/security-policy";
import type { SessionAccount } from "./revoke-sessions";
import { needsTouch, sessionState } from "./session-state";

/**
 * Whether the AuthSession a token names is still live for this account; touches lastSeenAt
 * (at most once a minute) when it is. A token without a session id (signed before sessions
 * existed, or forged without one) is refused like a revoked one.
 */
export async function checkAuthSession(
  sessionId: string | null | undefined,
  account: SessionAccount,
  policy: SecurityPolicyValues,
  now: Date,
): Promise<boolean> {
  if (!sessionId) return false;
  const row = await db.authSession.findUnique({ where: { id: sessionId } });
  if (!row || row.accountKind !== account.kind || row.accountId !== account.id) return false;
  if (sessionState(row, policy, now) !== "active") return false;
  if (needsTouch(row.lastSeenAt, now)) {
    // Guarded by revokedAt so a revoke that lands meanwhile is not undone by anything here.
    await db.authSession.updateMany({ where: { id: row.id, revokedAt: null }, data: { lastSeenAt: now } });
  }
  return true;
}
