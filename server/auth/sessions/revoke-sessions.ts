import type { Prisma } from "@/server/generated/prisma/client.ts";

export type SessionAccount = { kind: "user" | "mailbox"; id: string };
type Writer = Pick<Prisma.TransactionClient, "authSession">;

/**
 * Ends an account's live sessions (password change, admin reset, second-factor reset, "sign out
 * everywhere else"); the browser holding one is signed out on its next request
 * (revalidateSessionUser). `exceptSessionId` keeps the caller's own. Returns how many ended.
 */
export async function revokeSessions(
  tx: Writer,
  account: SessionAccount,
  options: { exceptSessionId?: string | null; reason: string },
  now: Date,
): Promise<number> {
  const ended = await tx.authSession.updateMany({
    where: {
      accountKind: account.kind,
      accountId: account.id,
      revokedAt: null,
      ...(options.exceptSessionId ? { id: { not: options.exceptSessionId } } : {}),
    },
    data: { revokedAt: now, revokedReason: options.reason.slice(0, 40) },
  });
  return ended.count;
}
