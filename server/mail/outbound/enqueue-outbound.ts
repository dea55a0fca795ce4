import type { JobsOptions } from "bullmq";
import { db } from "@/server/shared/db";
import { clock } from "@/server/shared/clock";
import { logger } from "@/server/shared/logger";
import { getQueue, queueDefs } from "@/server/shared/queues";

// Dispatch of outbox rows as BullMQ jobs (payload: the row id). A job names the due time it
// serves, `outbox-<row>-<nextAttemptAt ms>`: adding it twice while it waits is a no-op (BullMQ
// dedupes by id), and each later attempt (a deferral moves nextAttemptAt) gets a fresh id, so
// a finished job — removed at once on completion — never blocks the next. The sweeper adds its
// own `-swept` id for the same due time (sweep-outbox.ts), which a delayed job still waiting
// for that time cannot swallow.

const log = logger("mail.outbound");

export type DueRow = { id: bigint; nextAttemptAt: Date };

export function deliveryJobId(row: DueRow, suffix = ""): string {
  return `outbox-${row.id}-${row.nextAttemptAt.getTime()}${suffix}`;
}

/** Adds one job per row in one round trip; a row due later is added delayed until its time (or `delayMs`). */
export async function dispatchRows(rows: DueRow[], suffix = "", delayMs?: number): Promise<void> {
  if (!rows.length) return;
  const def = queueDefs.outboundDelivery;
  const now = clock.now().getTime();
  await getQueue("outboundDelivery").addBulk(
    rows.map((row) => ({
      name: def.name,
      data: def.payload.parse({ outboxItemId: String(row.id) }),
      opts: { ...def.options, jobId: deliveryJobId(row, suffix), delay: delayMs ?? Math.max(0, row.nextAttemptAt.getTime() - now) } satisfies JobsOptions,
    })),
  );
}

/** The queued rows of these messages, dispatched; how many (one query, one Redis round trip). */
export async function dispatchMessages(messageIds: string[]): Promise<number> {
  if (!messageIds.length) return 0;
  const rows = await db.outboxItem.findMany({
    where: { messageId: { in: messageIds }, status: "queued" },
    select: { id: true, nextAttemptAt: true },
  });
  await dispatchRows(rows);
  return rows.length;
}

/**
 * Called by the engine after a batch of messages committed: one job per queued outbox row of
 * these messages. Never throws and never waits the caller: a lost dispatch only costs time,
 * since the sweeper re-enqueues every due row within OUTBOUND_SWEEP_SECONDS.
 */
export function enqueueOutbound(messageIds: string[]): void {
  dispatchMessages(messageIds).catch((error: unknown) =>
    log.warn("could not dispatch outbound rows; the sweeper will", { messages: messageIds.length, error: error instanceof Error ? error.message : String(error) }),
  );
}
