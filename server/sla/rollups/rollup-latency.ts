import { Prisma } from "@/server/generated/prisma/client.ts";
import type { MailDirection } from "@/server/generated/prisma/enums.ts";
import { clock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { env } from "@/server/shared/env";
import { DomainError, say } from "@/server/shared/errors";
import { requireDay } from "@/server/sla/evidence/chain-errors";
import { addDays, dayEnd, dayStart, utcDay } from "@/server/sla/evidence/utc-days";
import { AT_MOST_COLUMNS, atMostCountsSql, histogramFromAtMost, overHourSql } from "./latency-buckets-sql";

// Send and receive latency per tenant, direction and UTC day (LatencyRollup), from the delivery
// log's per-message latencyMs (server/mail/log/message-latency.ts), kept two years where the log
// is kept 30 days. One GROUP BY over the day's receivedAt range does the arithmetic in MariaDB
// (a day of 1,000,000 lines in about 2.5 s on the 2-core dev box); lines without a figure yet (waiting for their first attempt, held in quarantine) are not
// counted until they have one, so a day is rolled up again while late first attempts may land.

export type LatencyRollupOutcome = { day: string; rows: number; messages: number };

type Aggregate = { tenantId: string; direction: MailDirection; messages: bigint; sumMs: bigint; maxMs: number | bigint; overHour: bigint } & Record<string, unknown>;

/**
 * The oldest day whose delivery log is still whole: the log's retention purge (MAIL_LOG_RETENTION_DAYS)
 * deletes lines by age, and rolling up a partly purged day would replace its roll-up with less.
 */
export const oldestWholeLogDay = (now: Date): string => addDays(utcDay(now), -(env().MAIL_LOG_RETENTION_DAYS - 1));

/** Rolls one UTC day up, replacing whatever that day had (idempotent). */
export async function rollupLatencyDay(dayInput: unknown): Promise<LatencyRollupOutcome> {
  const day = requireDay(dayInput);
  const oldest = oldestWholeLogDay(clock.now());
  if (day < oldest) {
    throw new DomainError("PRECONDITION_FAILED", say(`${day}'s delivery log may be partly purged (kept ${env().MAIL_LOG_RETENTION_DAYS} days): its latency roll-up is kept as it is`, `${day} 的收发信记录可能已部分清除（保留 ${env().MAIL_LOG_RETENTION_DAYS} 天）：其延迟汇总保持不变`));
  }
  const [from, to] = [dayStart(day), dayEnd(day)];
  // A plain (non-locking) read: INSERT … SELECT would share-lock the day's lines and hold up the
  // relay's updates of them for as long as the scan takes. A negative figure (never written by
  // the engine) would count as 0, as the SLA rules' addLatency counts it.
  const groups = await db.$queryRaw<Aggregate[]>`
    SELECT tenantId, direction, COUNT(*) AS messages, CAST(SUM(GREATEST(latencyMs, 0)) AS UNSIGNED) AS sumMs,
           GREATEST(MAX(latencyMs), 0) AS maxMs, ${Prisma.raw(overHourSql("latencyMs"))} AS overHour, ${Prisma.raw(atMostCountsSql("latencyMs"))}
    FROM MessageEvent FORCE INDEX (MessageEvent_receivedAt_idx)
    WHERE receivedAt >= ${from} AND receivedAt < ${to} AND latencyMs IS NOT NULL
    GROUP BY tenantId, direction`;
  const rows = groups.map((g) => ({
    tenantId: g.tenantId,
    day: from,
    direction: g.direction,
    messages: Number(g.messages),
    sumMs: BigInt(g.sumMs),
    maxMs: Number(g.maxMs),
    overHour: Number(g.overHour),
    histogram: histogramFromAtMost(Number(g.messages), AT_MOST_COLUMNS.map((c) => Number(g[c]))),
  }));
  await db.$transaction(async (tx) => {
    await tx.latencyRollup.deleteMany({ where: { day: from } });
    if (rows.length) await tx.latencyRollup.createMany({ data: rows });
  }, { timeout: 60_000 });
  return { day, rows: rows.length, messages: rows.reduce((n, r) => n + r.messages, 0) };
}
