import type { Prisma } from "@/server/generated/prisma/client.ts";
import { say } from "@/server/shared/errors";
import { withNamedLock } from "@/server/shared/named-lock";

type Tx = Prisma.TransactionClient;

const LOCK = "mailstead_sla_maintenance";
const LOCK_WAIT_S = 10;

/**
 * Runs `work` in a transaction holding the one named lock of the maintenance calendar: the overlap
 * check and the insert of two schedules (or a schedule and a cancel) at once cannot interleave, so
 * two overlapping windows can never both be written. A row lock cannot do it: there is no row yet.
 */
export function withMaintenanceLock<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return withNamedLock(LOCK, LOCK_WAIT_S, say("Another change to the maintenance calendar is taking long; try again in a minute", "另一项维护日程变更耗时较长，请一分钟后重试"), work);
}
