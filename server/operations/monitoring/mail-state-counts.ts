import { clock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";

// The mail that is waiting, from MariaDB (the truth; Redis only dispatches): relay rows not yet
// final, and quarantine entries still held. Both counts use indexed columns.

export type MailStateCounts = {
  outbox: { queued: number; sending: number; deferred: number };
  /** Age in seconds of the oldest relay row still waiting (queued or deferred); 0 when none. */
  oldestWaitingSeconds: number;
  quarantineHeld: number;
};

export async function mailStateCounts(): Promise<MailStateCounts> {
  const now = clock.now();
  const [byStatus, oldest, quarantineHeld] = await Promise.all([
    db.outboxItem.groupBy({ by: ["status"], where: { status: { in: ["queued", "sending", "deferred"] } }, _count: { _all: true } }),
    db.outboxItem.aggregate({ where: { status: { in: ["queued", "deferred"] } }, _min: { createdAt: true } }),
    db.quarantineItem.count({ where: { releasedAt: null, expiresAt: { gt: now } } }),
  ]);
  const count = (s: string) => byStatus.find((r) => r.status === s)?._count._all ?? 0;
  const since = oldest._min.createdAt;
  return {
    outbox: { queued: count("queued"), sending: count("sending"), deferred: count("deferred") },
    oldestWaitingSeconds: since ? Math.max(0, Math.round((now.getTime() - since.getTime()) / 1000)) : 0,
    quarantineHeld,
  };
}
