import { Prisma } from "@/server/generated/prisma/client.ts";
import { clock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { env } from "@/server/shared/env";
import { logger } from "@/server/shared/logger";

const log = logger("mail.log.retention");

/**
 * Rows per DELETE. Each batch is its own short transaction over 5,000 primary keys, so the
 * engine's inserts and the relay's updates never wait long behind the purge, and a crash
 * mid-way leaves nothing half-done (the next run deletes the rest).
 */
export const MAIL_LOG_PURGE_BATCH = 5_000;

export type PurgeOutcome = { cutoff: Date; deleted: number; batches: number };

/**
 * Deletes delivery-log lines received before now − MAIL_LOG_RETENTION_DAYS (seed 000: 30 days).
 * Ids are picked from the receivedAt index (covering: no row reads), then deleted by primary
 * key — no range lock on the time index that a concurrent insert could queue behind.
 */
export async function purgeOldMailLog(opts: { batchSize?: number } = {}): Promise<PurgeOutcome> {
  const batchSize = opts.batchSize ?? MAIL_LOG_PURGE_BATCH;
  const cutoff = new Date(clock.now().getTime() - env().MAIL_LOG_RETENTION_DAYS * 24 * 3600 * 1000);
  let deleted = 0;
  let batches = 0;
  for (;;) {
    const ids = await db.$queryRaw<{ id: bigint }[]>`
      SELECT id FROM MessageEvent FORCE INDEX (MessageEvent_receivedAt_idx)
      WHERE receivedAt < ${cutoff} ORDER BY receivedAt LIMIT ${batchSize}`;
    if (ids.length === 0) break;
    deleted += await db.$executeRaw`DELETE FROM MessageEvent WHERE id IN (${Prisma.join(ids.map((r) => r.id))})`;
    batches += 1;
    if (ids.length < batchSize) break;
  }
  log.info("delivery log purged", { cutoff: cutoff.toISOString(), deleted, batches });
  return { cutoff, deleted, batches };
}
