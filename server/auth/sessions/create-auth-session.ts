import { randomBytes } from "node:crypto";
import { db } from "@/server/shared/db";
import { loadSecurityPolicy } from "@/server/auth/policy/security-policy";
import type { SessionAccount } from "./revoke-sessions";
import { sessionExpiry } from "./session-state";

/**
 * The server-side record of one signed-in browser (next-auth's jwt callback, at sign-in). The
 * JWT only names it (`sid`): revoking the row, or its timeouts, end the session whatever the
 * cookie's own lifetime. The id is 32 random bytes, so it cannot be guessed from a list.
 */
export async function createAuthSession(
  account: SessionAccount & { scope: string },
  client: { ip: string | null; userAgent: string | null },
  now: Date,
): Promise<string> {
  const policy = await loadSecurityPolicy(account.scope);
  const id = randomBytes(32).toString("base64url");
  await db.authSession.create({
    data: {
      id,
      accountKind: account.kind,
      accountId: account.id,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: sessionExpiry(policy, now),
      ip: client.ip?.slice(0, 45) ?? null,
      userAgent: client.userAgent?.slice(0, 512) ?? null,
    },
  });
  return id;
}
