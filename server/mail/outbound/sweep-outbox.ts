import { db } from "@/server/shared/db";
import { clock } from "@/server/shared/clock";
import { logger } from "@/server/shared/logger";
import { sendDsn } from "./dsn/send-dsn";
import { getQueue } from "@/server/shared/queues";
import { relayRedis } from "./domain-slots";
import { deliveryJobId, dispatchRows, type DueRow } from "./enqueue-outbound";
import { giveUpAt, WARN_AFTER_MS } from "./retry-schedule";

// The outboundSweep tick: what makes Redis a dispatcher only. Every OUTBOUND_SWEEP_SECONDS it
// (1) takes back rows whose worker's lease ran out (the worker died mid-attempt): deferred, due
// now; (2) adds a job for every due row — after a Redis flush or restart that is every row
// still waiting, and BullMQ's id dedupe makes it a no-op for rows whose job still waits;
// (3) sends the one "delayed" DSN of rows still waiting after 4 hours. Rows whose message is
// still marked unsynced are left alone: their file may not be durable (docs/engine.md).

const log = logger("mail.outbound");

/** Rows read and dispatched per round trip, and at most per tick (a backlog beyond that waits a tick). */
export const SWEEP_PAGE = 1_000;
export const SWEEP_MAX_ROWS = 50_000;

export type SweepResult = { reclaimed: number; dispatched: number; warned: number };

async function takeBackExpiredLeases(now: Date): Promise<number> {
  return db.$executeRaw`
    UPDATE OutboxItem SET status = 'deferred', leaseUntil = NULL, nextAttemptAt = ${now},
      lastError = 'the delivery worker stopped during an attempt (lease expired)', updatedAt = ${now}
    WHERE status = 'sending' AND leaseUntil < ${now}`;
}

const SWEPT = "-swept";

/**
 * The rows that have no job waiting, delayed or running for their due time — neither the one
 * the engine or the last attempt added nor the sweeper's own — so a backlog is not doubled
 * every tick. A sweeper job that failed (BullMQ keeps those a day, and its id would then block
 * the row) is removed so the id can be used again.
 */
async function withoutPendingJobs(rows: DueRow[]): Promise<DueRow[]> {
  const queue = getQueue("outboundDelivery");
  const pipeline = (await relayRedis()).pipeline();
  for (const row of rows) {
    pipeline.hmget(queue.toKey(deliveryJobId(row)), "timestamp", "finishedOn");
    pipeline.hmget(queue.toKey(deliveryJobId(row, SWEPT)), "timestamp", "finishedOn");
  }
  const replies = ((await pipeline.exec()) ?? []).map(([, v]: [Error | null, unknown]) => (v ?? [null, null]) as (string | null)[]);
  const pending = (i: number) => replies[i]?.[0] != null && replies[i]?.[1] == null;
  const free: DueRow[] = [];
  for (const [i, row] of rows.entries()) {
    if (pending(2 * i) || pending(2 * i + 1)) continue;
    if (replies[2 * i + 1]?.[1] != null) await queue.remove(deliveryJobId(row, SWEPT)).catch(() => 0);
    free.push(row);
  }
  return free;
}

async function dispatchDueRows(now: Date): Promise<number> {
  let after = BigInt(0);
  let total = 0;
  let dispatched = 0;
  while (total < SWEEP_MAX_ROWS) {
    const rows = await db.$queryRaw<{ id: bigint; nextAttemptAt: Date }[]>`
      SELECT o.id, o.nextAttemptAt FROM OutboxItem o
      WHERE o.status IN ('queued', 'deferred') AND o.nextAttemptAt <= ${now} AND o.id > ${after}
        AND NOT EXISTS (SELECT 1 FROM UnsyncedMessage u WHERE u.messageId = o.messageId)
      ORDER BY o.id LIMIT ${SWEEP_PAGE}`;
    if (!rows.length) break;
    const due = rows.map((r) => ({ id: BigInt(r.id), nextAttemptAt: r.nextAttemptAt }));
    const free = await withoutPendingJobs(due);
    await dispatchRows(free, SWEPT, 0);
    dispatched += free.length;
    total += rows.length;
    after = BigInt(rows[rows.length - 1]!.id);
    if (rows.length < SWEEP_PAGE) break;
  }
  return dispatched;
}

/** One "delayed" DSN per message for its recipients still waiting after WARN_AFTER_MS; each row warns once (warnedAt). */
async function sendDelayWarnings(now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - WARN_AFTER_MS);
  const rows = await db.outboxItem.findMany({
    where: { status: { in: ["queued", "deferred", "sending"] }, warnedAt: null, createdAt: { lte: cutoff } },
    select: { id: true, messageId: true, recipient: true, createdAt: true, lastError: true, updatedAt: true, attemptLog: { orderBy: { at: "desc" }, take: 1, select: { mxHost: true, response: true, enhanced: true, at: true } } },
    take: SWEEP_PAGE,
  });
  const byMessage = new Map<string, typeof rows>();
  for (const r of rows) byMessage.set(r.messageId, [...(byMessage.get(r.messageId) ?? []), r]);
  let warned = 0;
  for (const [messageId, items] of byMessage) {
    // Claimed one by one: a second sweeper (another worker process) warns none of these twice.
    const mine: typeof items = [];
    for (const item of items) {
      const n = await db.outboxItem.updateMany({ where: { id: item.id, warnedAt: null }, data: { warnedAt: now } });
      if (n.count === 1) mine.push(item);
    }
    if (!mine.length) continue;
    try {
      await sendDsn({
        messageId,
        kind: "delayed",
        recipients: mine.map((i) => {
          const last = i.attemptLog[0];
          return {
            recipient: i.recipient,
            status: last?.enhanced?.startsWith("4.") ? last.enhanced : "4.4.7",
            remoteMta: last?.mxHost ?? null,
            diagnostic: last?.response ?? i.lastError,
            lastAttemptAt: last?.at ?? i.updatedAt,
            willRetryUntil: giveUpAt(i.createdAt),
          };
        }),
      });
      warned += mine.length;
    } catch (e) {
      // Not sent: give the rows back to the next sweep rather than never warning.
      await db.outboxItem.updateMany({ where: { id: { in: mine.map((i) => i.id) }, warnedAt: now }, data: { warnedAt: null } }).catch(() => {});
      log.error("could not send the delay DSN; the next sweep retries", { messageId, error: e instanceof Error ? e.message : String(e) });
    }
  }
  return warned;
}

export async function sweepOutbox(): Promise<SweepResult> {
  const now = clock.now();
  const reclaimed = await takeBackExpiredLeases(now);
  const dispatched = await dispatchDueRows(now);
  const warned = await sendDelayWarnings(now);
  if (reclaimed || warned) log.info("outbox sweep", { reclaimed, dispatched, warned });
  return { reclaimed, dispatched, warned };
}
