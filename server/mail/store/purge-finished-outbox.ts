import type { RowDataPacket } from "mysql2/promise";
import { clock } from "@/server/shared/clock";
import { env } from "@/server/shared/env";
import { logger } from "@/server/shared/logger";
import { dropUnreferencedMessages, mysqlRunner, removeMessageFiles } from "./drop-unreferenced-messages";
import { inTransaction } from "./store-db";

// Outbox rows in a final state (relayed, bounced) are the relay's evidence — with their
// DeliveryAttempt rows they answer "what happened to my letter" — and they keep the message and
// its file alive. They are kept as long as the delivery log (MAIL_LOG_RETENTION_DAYS), then
// go with their attempts; a message nothing else references then goes with its file.

const log = logger("mail.store");

export const FINISHED_OUTBOX_PURGE_BATCH = 1_000;

export type OutboxPurgeOutcome = { cutoff: Date; rows: number; messages: number };

/** Deletes finished outbox rows last changed before the cutoff, in short batches, and the messages they alone kept. */
export async function purgeFinishedOutbox(opts: { batchSize?: number } = {}): Promise<OutboxPurgeOutcome> {
  const batchSize = opts.batchSize ?? FINISHED_OUTBOX_PURGE_BATCH;
  const cutoff = new Date(clock.now().getTime() - env().MAIL_LOG_RETENTION_DAYS * 24 * 3600 * 1000);
  let rows = 0;
  let messages = 0;
  for (;;) {
    const { count, files } = await inTransaction(async (conn) => {
      const [due] = await conn.query<RowDataPacket[]>(
        "SELECT `id`, `messageId` FROM `OutboxItem` WHERE `status` IN ('relayed', 'bounced') AND `updatedAt` < ? ORDER BY `id` LIMIT ? FOR UPDATE SKIP LOCKED",
        [cutoff, batchSize],
      );
      if (!due.length) return { count: 0, files: [] as string[] };
      await conn.query("DELETE FROM `OutboxItem` WHERE `id` IN (?)", [due.map((r) => String(r.id))]);
      return { count: due.length, files: await dropUnreferencedMessages(mysqlRunner(conn), due.map((r) => String(r.messageId))) };
    });
    await removeMessageFiles(files);
    rows += count;
    messages += files.length;
    if (count < batchSize) break;
  }
  if (rows) log.info("finished outbox rows purged", { cutoff: cutoff.toISOString(), rows, messages });
  return { cutoff, rows, messages };
}
