import type { AccountLock } from "@/server/generated/prisma/client.ts";
import { db } from "@/server/shared/db";

type Reader = Pick<typeof db, "accountLock">;

// A lock is active until it runs out or an admin lifts it (unlockedAt). Rows are kept after
// either, so the lock list shows the history and counting restarts after the latest one.
const activeAt = (now: Date) => ({ unlockedAt: null, lockedUntil: { gt: now } });

/** The account's lock in force at `now`, or null; the longest-running one when there are several. */
export function activeAccountLock(kind: "user" | "mailbox", accountId: string, now: Date, reader: Reader = db): Promise<AccountLock | null> {
  return reader.accountLock.findFirst({ where: { accountKind: kind, accountId, ...activeAt(now) }, orderBy: { lockedUntil: "desc" } });
}

/** The per-address lock on `ip` in force at `now` (many failures across accounts), or null. */
export function activeIpLock(ip: string | null, now: Date, reader: Reader = db): Promise<AccountLock | null> {
  if (!ip) return Promise.resolve(null);
  return reader.accountLock.findFirst({ where: { ip, accountId: null, ...activeAt(now) }, orderBy: { lockedUntil: "desc" } });
}
