import type { Prisma } from "@/server/generated/prisma/client.ts";
import { db } from "./db";
import { DomainError, type ErrorText } from "./errors";

type Tx = Prisma.TransactionClient;

// MariaDB's answers when a row lock is not had in time: 1205 lock wait timeout (WAIT n), 3572
// and 1969 (NOWAIT / statement timeout, by version).
const LOCK_NOT_HAD = /\b(1205|3572|1969)\b|Lock wait timeout|NOWAIT/i;

/**
 * Runs `work` in a transaction that holds the lock row `name` (NamedLock) until it commits, so
 * two callers' check-then-insert cannot interleave where there is no row yet to lock (a new run
 * for a month, a maintenance window that must not overlap another), and the second always sees
 * what the first committed. `busy` is the refusal when the lock is not had within `waitSeconds`.
 */
export async function withNamedLock<T>(name: string, waitSeconds: number, busy: ErrorText, work: (tx: Tx) => Promise<T>): Promise<T> {
  // The name's row, committed on its own first: inserting it inside the locking transactions would
  // have two first users wait on each other's insert, then deadlock upgrading to FOR UPDATE.
  await db.$executeRaw`INSERT IGNORE INTO NamedLock (name) VALUES (${name})`;
  return db.$transaction(
    async (tx) => {
      try {
        await tx.$queryRawUnsafe(`SELECT name FROM NamedLock WHERE name = ? FOR UPDATE WAIT ${Math.max(0, Math.floor(waitSeconds))}`, name);
      } catch (e) {
        if (LOCK_NOT_HAD.test(e instanceof Error ? e.message : String(e))) throw new DomainError("UNAVAILABLE", busy);
        throw e;
      }
      return work(tx);
    },
    { isolationLevel: "ReadCommitted", timeout: 30_000, maxWait: 10_000 },
  );
}
