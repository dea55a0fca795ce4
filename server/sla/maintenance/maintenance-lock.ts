import { db } from "@/server/shared/db";
import { DomainError, say } from "@/server/shared/errors";
import type { Prisma } from "@/server/generated/prisma/client.ts";

type Tx = Prisma.TransactionClient;

const LOCK = "mailstead_sla_maintenance";
const LOCK_WAIT_S = 10;

/**
 * Runs `work` in a transaction holding the one named lock of the maintenance calendar: the overlap
 * check and the insert of two schedules (or a schedule and a cancel) at once cannot interleave, so
 * two overlapping windows can never both be written. A row lock cannot do it: there is no row yet.
 */
export async function withMaintenanceLock<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.$transaction(
    async (tx) => {
      const [got] = await tx.$queryRaw<{ ok: bigint | number | null }[]>`SELECT GET_LOCK(${LOCK}, ${LOCK_WAIT_S}) AS ok`;
      if (Number(got?.ok) !== 1) {
        throw new DomainError("UNAVAILABLE", say("Another change to the maintenance calendar is taking long; try again in a minute", "另一项维护日程变更耗时较长，请一分钟后重试"));
      }
      try {
        return await work(tx);
      } finally {
        await tx.$queryRaw`SELECT RELEASE_LOCK(${LOCK})`;
      }
    },
    { isolationLevel: "ReadCommitted", timeout: 30_000, maxWait: 10_000 },
  );
}
