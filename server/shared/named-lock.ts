import type { Prisma } from "@/server/generated/prisma/client.ts";
import { db } from "./db";
import { DomainError, type ErrorText } from "./errors";

type Tx = Prisma.TransactionClient;

/**
 * Runs `work` in a transaction that holds a MariaDB named lock (GET_LOCK) for its duration, so
 * two callers' check-then-insert cannot interleave where there is no row yet to lock (a new run
 * for a month, a maintenance window that must not overlap another). The lock belongs to the
 * transaction's connection, hence the transaction. `busy` is the refusal when the lock is not
 * had within `waitSeconds`.
 */
export async function withNamedLock<T>(name: string, waitSeconds: number, busy: ErrorText, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.$transaction(
    async (tx) => {
      const [got] = await tx.$queryRaw<{ ok: bigint | number | null }[]>`SELECT GET_LOCK(${name}, ${waitSeconds}) AS ok`;
      if (Number(got?.ok) !== 1) throw new DomainError("UNAVAILABLE", busy);
      try {
        return await work(tx);
      } finally {
        await tx.$queryRaw`SELECT RELEASE_LOCK(${name})`;
      }
    },
    { isolationLevel: "ReadCommitted", timeout: 30_000, maxWait: 10_000 },
  );
}
