import { Prisma } from "@/server/generated/prisma/client.ts";
import type { ProbeKind } from "@/server/generated/prisma/enums.ts";
import { db } from "@/server/shared/db";
import { DomainError, say } from "@/server/shared/errors";
import { requireDay } from "@/server/sla/evidence/chain-errors";
import { dayRange } from "@/server/sla/evidence/day-samples";
import { dayEnd, dayStart, daysFromTo, utcDay } from "@/server/sla/evidence/utc-days";
import { HOUR_MS } from "@/server/sla/rules/constants";

// Hourly and daily roll-ups of the probe samples (ProbeRollup), per probe, target and location:
// what charts and the status page read, and what remains once retention has deleted the raw
// samples. Each window is one GROUP BY in MariaDB, then its rows are replaced in one transaction,
// so running a window again (the tick does, every 10 minutes) only brings it up to date.
// latencySumMs / latencyMaxMs are over the successful samples: a failed run's "latency" is how
// long it took to fail (often the timeout), which would only blur the chart of the service's speed.

const GRAIN_UNIT = { hour: "HOUR", day: "DAY" } as const;
export type Grain = keyof typeof GRAIN_UNIT;
const GRAIN_MS: Record<Grain, number> = { hour: HOUR_MS, day: 24 * HOUR_MS };

export type ProbeRollupOutcome = { grain: Grain; from: Date; to: Date; rows: number; samples: number };

type Aggregate = { probe: ProbeKind; target: string; location: string; slot: bigint | number; samples: bigint | number; failures: bigint | number; failedMinutes: bigint | number; latencySumMs: bigint | number; latencyMaxMs: bigint | number };

/**
 * A sealed day whose samples retention has begun to delete would roll up to less than it was:
 * refuse, and keep the roll-ups made while the day was whole.
 */
async function assertSamplesWhole(from: Date, to: Date): Promise<void> {
  for (const day of daysFromTo(utcDay(from), utcDay(new Date(to.getTime() - 1)))) {
    const sealed = await db.sampleDigest.findUnique({ where: { day: dayStart(day) }, select: { samples: true } });
    if (sealed && (await dayRange(day)).count < sealed.samples) {
      throw new DomainError("PRECONDITION_FAILED", say(`${day}'s samples are no longer all there (retention): its roll-ups are kept as they are`, `${day} 的样本已不完整（已按保留期删除）：其汇总保持不变`));
    }
  }
}

async function rollup(grain: Grain, from: Date, to: Date): Promise<ProbeRollupOutcome> {
  await assertSamplesWhole(from, to);
  const unit = Prisma.raw(GRAIN_UNIT[grain]);
  // Windows are counted from `from` (TIMESTAMPDIFF), so no session time zone enters the arithmetic.
  const groups = await db.$queryRaw<Aggregate[]>`
    SELECT probe, target, location, TIMESTAMPDIFF(${unit}, ${from}, at) AS slot,
           COUNT(*) AS samples, CAST(SUM(NOT ok) AS UNSIGNED) AS failures,
           COUNT(DISTINCT CASE WHEN NOT ok THEN TIMESTAMPDIFF(MINUTE, ${from}, at) END) AS failedMinutes,
           CAST(COALESCE(SUM(CASE WHEN ok THEN latencyMs END), 0) AS UNSIGNED) AS latencySumMs,
           COALESCE(MAX(CASE WHEN ok THEN latencyMs END), 0) AS latencyMaxMs
    FROM ProbeSample FORCE INDEX (ProbeSample_at_idx)
    WHERE at >= ${from} AND at < ${to}
    GROUP BY probe, target, location, slot`;
  const rows = groups.map((g) => ({
    probe: g.probe,
    target: g.target,
    location: g.location,
    grain,
    start: new Date(from.getTime() + Number(g.slot) * GRAIN_MS[grain]),
    samples: Number(g.samples),
    failures: Number(g.failures),
    failedMinutes: Number(g.failedMinutes),
    latencySumMs: BigInt(g.latencySumMs),
    latencyMaxMs: Number(g.latencyMaxMs),
  }));
  await db.$transaction(async (tx) => {
    await tx.probeRollup.deleteMany({ where: { grain, start: { gte: from, lt: to } } });
    if (rows.length) await tx.probeRollup.createMany({ data: rows });
  }, { timeout: 60_000 });
  return { grain, from, to, rows: rows.length, samples: rows.reduce((n, r) => n + r.samples, 0) };
}

/** Rolls up every hour from `from` to `to` (both on the hour, UTC), replacing those hours' rows. */
export async function rollupProbeHours(from: Date, to: Date): Promise<ProbeRollupOutcome> {
  const onHour = (d: Date) => d instanceof Date && !Number.isNaN(d.getTime()) && d.getTime() % HOUR_MS === 0;
  if (!onHour(from) || !onHour(to) || to <= from) {
    throw new DomainError("BAD_INPUT", say("hourly roll-ups need a window of whole UTC hours, start before end", "小时汇总须为整点的 UTC 时段，且开始早于结束"));
  }
  return rollup("hour", from, to);
}

/** Rolls up one UTC day, replacing its daily rows. */
export async function rollupProbeDay(dayInput: unknown): Promise<ProbeRollupOutcome> {
  const day = requireDay(dayInput);
  return rollup("day", dayStart(day), dayEnd(day));
}
