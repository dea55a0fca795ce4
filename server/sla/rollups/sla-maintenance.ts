import { clock } from "@/server/shared/clock";
import { logger } from "@/server/shared/logger";
import { sealDay, unsealedFinishedDays } from "@/server/sla/evidence/seal-day";
import { addDays, dayEnd, dayStart, daysFromTo, utcDay } from "@/server/sla/evidence/utc-days";
import { HOUR_MS } from "@/server/sla/rules/constants";
import { oldestWholeLogDay, rollupLatencyDay } from "./rollup-latency";
import { rollupProbeDay, rollupProbeHours } from "./rollup-probes";
import { purgeOldSamples, type SampleRetentionOutcome } from "./sample-retention";

// What the SLA maintenance job does (workers/sla-maintenance.worker.ts). Every step replaces
// whole windows, so a run that fails half-way is simply repeated by the next.

const log = logger("sla.maintenance");

/**
 * Send latency is fixed by a line's first attempt, which comes after the day it was received when
 * the relay is backed up; the relay gives up after 5 days, so by the 6th every line that will ever
 * have a figure has it. The daily run rolls these days up again.
 */
export const LATE_LATENCY_DAYS = 6;

export type TickOutcome = { hours: { from: Date; to: Date }; daysSealed: string[]; today: string };

/**
 * Every 10 minutes: the current and previous hour's probe roll-ups; each finished day not yet
 * sealed, in order: its hourly and daily probe roll-ups and its latency roll-up, then its seal
 * (sealing last makes "sealed" mean "rolled up" too, which retention relies on); and today's
 * latency so far, for the SLA pages.
 */
export async function runSlaTick(): Promise<TickOutcome> {
  const now = clock.now();
  const hour = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
  const hours = { from: new Date(hour - HOUR_MS), to: new Date(hour + HOUR_MS) };
  await rollupProbeHours(hours.from, hours.to);
  const daysSealed: string[] = [];
  // After a long stop, days whose delivery log is already purged are sealed without a latency
  // roll-up (they keep whatever they had): the seal must not wait for a figure that cannot be made.
  const oldestWhole = oldestWholeLogDay(now);
  for (const day of await unsealedFinishedDays(now)) {
    await rollupProbeHours(dayStart(day), dayEnd(day));
    await rollupProbeDay(day);
    if (day >= oldestWhole) await rollupLatencyDay(day);
    await sealDay(day);
    daysSealed.push(day);
  }
  const today = utcDay(now);
  await rollupLatencyDay(today);
  if (daysSealed.length) log.info("days rolled up and sealed", { days: daysSealed });
  return { hours, daysSealed, today };
}

export type DailyOutcome = { latencyDays: string[]; retention: SampleRetentionOutcome };

/** Once a day: the latency of the last LATE_LATENCY_DAYS days again (late first attempts), then retention. */
export async function runSlaDaily(): Promise<DailyOutcome> {
  const now = clock.now();
  const today = utcDay(now);
  const from = [addDays(today, -LATE_LATENCY_DAYS), oldestWholeLogDay(now)].sort().at(-1)!;
  const latencyDays = daysFromTo(from, addDays(today, -1));
  for (const day of latencyDays) await rollupLatencyDay(day);
  return { latencyDays, retention: await purgeOldSamples() };
}
