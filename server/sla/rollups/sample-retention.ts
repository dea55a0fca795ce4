import { Prisma } from "@/server/generated/prisma/client.ts";
import { clock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { env } from "@/server/shared/env";
import { logger } from "@/server/shared/logger";
import { dayRange } from "@/server/sla/evidence/day-samples";
import { firstSampleDay, lastSealed } from "@/server/sla/evidence/seal-day";
import { addDays, dayEnd, dayStart, daysFromTo, utcDay } from "@/server/sla/evidence/utc-days";
import { rollupProbeDay, rollupProbeHours } from "./rollup-probes";

// Storage at scale (issue 9 §10): raw samples are kept SLA_SAMPLE_RETENTION_DAYS (90), the
// roll-ups SLA_ROLLUP_RETENTION_DAYS (730). A day's samples are deleted only once the day is
// sealed (its digest keeps the chain verifiable: sla:verify then checks its place, not its
// content) and its roll-ups account for every sealed sample (rolled up again first if not), so
// nothing the charts or an SLA month need is lost with them. SampleDigest rows are never deleted.

const log = logger("sla.retention");

/** Rows per DELETE: short transactions, so the probes' inserts never wait long behind the purge. */
export const SAMPLE_PURGE_BATCH = 5_000;
const DAY_MS = 24 * 3600 * 1000;

export type SampleRetentionOutcome = {
  /** Samples before this UTC day may go; roll-ups before rollupCutoffDay. */
  cutoffDay: string;
  rollupCutoffDay: string;
  days: string[];
  samplesDeleted: number;
  probeRollupsDeleted: number;
  latencyRollupsDeleted: number;
};

/** True when the day's hourly and daily roll-ups both count `samples` samples. */
async function rolledUp(day: string, samples: number): Promise<boolean> {
  const sums = await db.$queryRaw<{ grain: string; n: bigint | number | null }[]>`
    SELECT grain, SUM(samples) AS n FROM ProbeRollup
    WHERE (grain = 'day' AND start = ${dayStart(day)}) OR (grain = 'hour' AND start >= ${dayStart(day)} AND start < ${dayEnd(day)})
    GROUP BY grain`;
  const of = (grain: string) => Number(sums.find((s) => s.grain === grain)?.n ?? 0);
  return of("day") === samples && of("hour") === samples;
}

async function deleteDaySamples(day: string, batchSize: number): Promise<number> {
  let deleted = 0;
  for (;;) {
    // Ids from the `at` index (covering), deleted by primary key: no range lock on the index.
    const ids = await db.$queryRaw<{ id: bigint }[]>`
      SELECT id FROM ProbeSample FORCE INDEX (ProbeSample_at_idx) WHERE at >= ${dayStart(day)} AND at < ${dayEnd(day)} LIMIT ${batchSize}`;
    if (ids.length === 0) return deleted;
    deleted += await db.$executeRaw`DELETE FROM ProbeSample WHERE id IN (${Prisma.join(ids.map((r) => r.id))})`;
    if (ids.length < batchSize) return deleted;
  }
}

async function deleteInBatches(statement: () => Promise<number>): Promise<number> {
  let total = 0;
  for (let n = await statement(); n > 0; n = await statement()) total += n;
  return total;
}

/** Deletes raw samples past their retention (sealed, rolled-up days only) and roll-ups past theirs. */
export async function purgeOldSamples(opts: { batchSize?: number } = {}): Promise<SampleRetentionOutcome> {
  const batchSize = opts.batchSize ?? SAMPLE_PURGE_BATCH;
  const now = clock.now().getTime();
  const cutoffDay = utcDay(new Date(now - env().SLA_SAMPLE_RETENTION_DAYS * DAY_MS));
  const rollupCutoffDay = utcDay(new Date(now - env().SLA_ROLLUP_RETENTION_DAYS * DAY_MS));
  const outcome: SampleRetentionOutcome = { cutoffDay, rollupCutoffDay, days: [], samplesDeleted: 0, probeRollupsDeleted: 0, latencyRollupsDeleted: 0 };

  const [last, first] = [await lastSealed(), await firstSampleDay()];
  const through = last && addDays(cutoffDay, -1) < last.day ? addDays(cutoffDay, -1) : last?.day;
  for (const day of first && through ? daysFromTo(first, through) : []) {
    const sealed = await db.sampleDigest.findUnique({ where: { day: dayStart(day) }, select: { samples: true } });
    // Samples of a day before the chain began (written late into the past) are nobody's evidence yet: left alone.
    if (!sealed) continue;
    const { count } = await dayRange(day);
    if (count === 0) continue;
    if (count === sealed.samples && !(await rolledUp(day, count))) {
      await rollupProbeHours(dayStart(day), dayEnd(day));
      await rollupProbeDay(day);
    }
    outcome.samplesDeleted += await deleteDaySamples(day, batchSize);
    outcome.days.push(day);
  }

  const rollupCutoff = dayStart(rollupCutoffDay);
  outcome.probeRollupsDeleted = await deleteInBatches(() => db.$executeRaw`DELETE FROM ProbeRollup WHERE start < ${rollupCutoff} LIMIT ${batchSize}`);
  outcome.latencyRollupsDeleted = await deleteInBatches(() => db.$executeRaw`DELETE FROM LatencyRollup WHERE day < ${rollupCutoff} LIMIT ${batchSize}`);
  log.info("samples and roll-ups past retention deleted", { ...outcome, days: outcome.days.length });
  return outcome;
}
