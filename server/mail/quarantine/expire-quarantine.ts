import { Prisma } from "@/server/generated/prisma/client.ts";
import { dropUnreferencedMessages, prismaRunner, removeMessageFiles } from "@/server/mail/store/drop-unreferenced-messages";
import { clock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { env } from "@/server/shared/env";
import { logger } from "@/server/shared/logger";
import { moveLogLine } from "./quarantine-log-line";

const log = logger("mail.quarantine");

/** Entries per transaction: short transactions, so releases and the store never wait long. */
export const QUARANTINE_EXPIRY_BATCH = 500;

export type ExpiryOutcome = { expired: number; released: number; messagesDropped: number };

/**
 * Deletes quarantine entries past their expiresAt: held ones after QUARANTINE_DAYS (issue 8:
 * 30 days), released ones a day after their release (releasing shortens expiresAt). Their
 * messages and files go when nothing else needs them. A held entry's delivery-log line says it
 * expired. Run hourly by the quarantineExpiry job; a crash mid-way leaves whole batches done
 * and the rest for the next run.
 */
export async function expireQuarantine(opts: { batchSize?: number } = {}): Promise<ExpiryOutcome> {
  const batchSize = opts.batchSize ?? QUARANTINE_EXPIRY_BATCH;
  const outcome: ExpiryOutcome = { expired: 0, released: 0, messagesDropped: 0 };
  for (;;) {
    const now = clock.now();
    const due = await db.$queryRaw<{ id: bigint }[]>`
      SELECT id FROM QuarantineItem FORCE INDEX (QuarantineItem_expiresAt_idx)
      WHERE expiresAt <= ${now} ORDER BY expiresAt LIMIT ${batchSize}`;
    if (!due.length) break;
    const batch = await db.$transaction(
      async (tx) => {
        // Re-read under the lock: a release in between shortened or kept an entry, never lengthened one past now.
        const items = await tx.$queryRaw<{ id: bigint; messageId: string; mailboxId: string; releasedAt: Date | null }[]>`
          SELECT id, messageId, mailboxId, releasedAt FROM QuarantineItem
          WHERE id IN (${Prisma.join(due.map((d) => d.id))}) AND expiresAt <= ${now} FOR UPDATE`;
        if (!items.length) return { paths: [], held: 0, released: 0 };
        await tx.$executeRaw`DELETE FROM QuarantineItem WHERE id IN (${Prisma.join(items.map((i) => i.id))})`;
        const held = items.filter((i) => !i.releasedAt);
        const reason = `expired in quarantine after ${env().QUARANTINE_DAYS} days`;
        for (const i of held) await moveLogLine(tx, i, { status: "quarantined", reason, at: now });
        const paths = await dropUnreferencedMessages(prismaRunner(tx), items.map((i) => i.messageId));
        return { paths, held: held.length, released: items.length - held.length };
      },
      { isolationLevel: "ReadCommitted", timeout: 60_000, maxWait: 15_000 },
    );
    outcome.expired += batch.held;
    outcome.released += batch.released;
    outcome.messagesDropped += batch.paths.length;
    await removeMessageFiles(batch.paths);
    if (due.length < batchSize) break;
  }
  if (outcome.expired || outcome.released) log.info("quarantine entries expired", outcome);
  return outcome;
}
