import { Prisma } from "@/server/generated/prisma/client.ts";
import { clock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { env } from "@/server/shared/env";
import { logger } from "@/server/shared/logger";

const log = logger("auth.login-log.retention");

/** Rows per DELETE: short transactions, so sign-ins (which insert here) never wait long behind the purge. */
export const LOGIN_LOG_PURGE_BATCH = 5_000;

/** The floor the table itself enforces (a trigger refuses to delete younger rows; issue 11, seed 000). */
export const LOGIN_LOG_MIN_DAYS = 30;

export type LoginLogPurgeOutcome = { cutoff: Date; deleted: number; batches: number };

/**
 * Deletes login-log rows older than now − LOGIN_LOG_RETENTION_DAYS (at least 30), in batches by
 * primary key picked from the occurredAt index. The query also keeps to the database's own
 * 30-day floor (UTC_TIMESTAMP, the trigger's clock), so a skewed application clock can never
 * make a batch hit the trigger and fail half-way; a crash mid-way leaves the rest to the next run.
 */
export async function purgeOldLoginLog(opts: { batchSize?: number } = {}): Promise<LoginLogPurgeOutcome> {
  const batchSize = opts.batchSize ?? LOGIN_LOG_PURGE_BATCH;
  const cutoff = new Date(clock.now().getTime() - env().LOGIN_LOG_RETENTION_DAYS * 86_400_000);
  let deleted = 0;
  let batches = 0;
  for (;;) {
    const ids = await db.$queryRaw<{ id: bigint }[]>`
      SELECT id FROM LoginEvent FORCE INDEX (LoginEvent_occurredAt_idx)
      WHERE occurredAt < ${cutoff} AND occurredAt <= UTC_TIMESTAMP(3) - INTERVAL ${LOGIN_LOG_MIN_DAYS} DAY
      ORDER BY occurredAt LIMIT ${batchSize}`;
    if (ids.length === 0) break;
    deleted += await db.$executeRaw`DELETE FROM LoginEvent WHERE id IN (${Prisma.join(ids.map((r) => r.id))})`;
    batches += 1;
    if (ids.length < batchSize) break;
  }
  log.info("login log purged", { cutoff: cutoff.toISOString(), deleted, batches });
  return { cutoff, deleted, batches };
}
