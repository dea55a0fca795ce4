import { db } from "@/server/shared/db";
import { loadSecurityPolicy } from "@/server/auth/policy/security-policy";
import { summariseUserAgent } from "@/server/auth/login-log/user-agent-summary";
import type { SessionAccount } from "./revoke-sessions";
import { sessionState } from "./session-state";

export type MySession = {
  id: string;
  current: boolean;
  ip: string | null;
  client: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
};

/** The account's sessions that still let a browser in, newest activity first; the caller's own marked. */
export async function listMySessions(account: SessionAccount & { scope: string }, currentSessionId: string | null, now: Date): Promise<MySession[]> {
  const [policy, rows] = await Promise.all([
    loadSecurityPolicy(account.scope),
    db.authSession.findMany({
      where: { accountKind: account.kind, accountId: account.id, revokedAt: null, expiresAt: { gt: now } },
      orderBy: { lastSeenAt: "desc" },
      take: 100,
    }),
  ]);
  return rows
    .filter((row) => sessionState(row, policy, now) === "active")
    .map((row) => ({
      id: row.id,
      current: row.id === currentSessionId,
      ip: row.ip,
      client: summariseUserAgent(row.userAgent),
      createdAt: row.createdAt,
      lastSeenAt: row.lastSeenAt,
      expiresAt: row.expiresAt,
    }));
}
