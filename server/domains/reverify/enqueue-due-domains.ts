import { clock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { getQueue, queueDefs } from "@/server/shared/queues";

/** Domains read and queued per round trip: one indexed range read and one Redis pipeline each. */
export const DUE_BATCH_SIZE = 500;

export type EnqueueDueResult = { due: number; batches: number };

/**
 * One check job id per domain and due time. Overlapping ticks, or a tick while the domain's job
 * still waits in a backlog, add the same id, which BullMQ ignores; once the check has run,
 * `nextCheckAt` has moved and the next due time gets a new id.
 */
export const domainCheckJobId = (domainId: string, nextCheckAt: Date) => `check:${domainId}:${nextCheckAt.getTime()}`;

/**
 * The re-verification tick: queues a `domainCheck` job for every domain whose `nextCheckAt` has
 * come (the [nextCheckAt] index), in batches ordered by (nextCheckAt, id) so the longest-waiting
 * domains are queued first and paging is stable while checks move rows out of the range.
 */
export async function enqueueDueDomains(opts: { now?: Date; batchSize?: number } = {}): Promise<EnqueueDueResult> {
  const now = opts.now ?? clock.now();
  const take = opts.batchSize ?? DUE_BATCH_SIZE;
  const def = queueDefs.domainCheck;
  let after: { nextCheckAt: Date; id: string } | null = null;
  let due = 0;
  let batches = 0;
  for (;;) {
    // Keyset paging rather than OFFSET: a check finishing meanwhile moves its row out of the
    // range, which would make an offset skip a due domain.
    const rows: { id: string; nextCheckAt: Date | null }[] = await db.domain.findMany({
      where: {
        nextCheckAt: { lte: now },
        ...(after ? { OR: [{ nextCheckAt: { gt: after.nextCheckAt } }, { nextCheckAt: after.nextCheckAt, id: { gt: after.id } }] } : {}),
      },
      orderBy: [{ nextCheckAt: "asc" }, { id: "asc" }],
      select: { id: true, nextCheckAt: true },
      take,
    });
    if (rows.length === 0) break;
    await getQueue("domainCheck").addBulk(
      rows.map((r) => ({
        name: def.name,
        data: def.payload.parse({ domainId: r.id }),
        opts: { ...def.options, jobId: domainCheckJobId(r.id, r.nextCheckAt!) },
      })),
    );
    due += rows.length;
    batches++;
    const last = rows[rows.length - 1]!;
    after = { nextCheckAt: last.nextCheckAt!, id: last.id };
    if (rows.length < take) break;
  }
  return { due, batches };
}
