import { clock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { logger } from "@/server/shared/logger";
import { monthOf, type Month } from "../rules/months";
import type { StartOutcome } from "./billing-run.types";
import { enqueueBillingRun } from "./enqueue-billing-run";
import { activeTimeZones, hasUnchargedCandidate } from "./run-candidates";
import { STALE_HEARTBEAT_MS, startBillingRun } from "./start-billing-run";

const log = logger("billing.run");

export type ScheduledRun = { month: Month; runId: string; outcome: StartOutcome };

/**
 * The hourly tick: for the current month of each tenant time zone, start (or resume) and queue
 * the month's run when some tenant of those zones is due and not yet charged, and resume any run
 * left unfinished. When everyone is charged it writes nothing, so ticking every hour leaves no
 * trail of empty runs.
 */
export async function scheduleBillingRun(now: Date = clock.now()): Promise<ScheduledRun[]> {
  const byMonth = new Map<Month, string[]>();
  for (const tz of await activeTimeZones()) {
    const month = monthOf(now, tz);
    byMonth.set(month, [...(byMonth.get(month) ?? []), tz]);
  }
  // An unfinished run nobody works on is taken up again even when no one is left to charge: it
  // may have died between its last chunk and marking itself done.
  const abandoned = await db.billingRun.findMany({
    where: { OR: [{ status: "failed" }, { status: "running", heartbeatAt: { lt: new Date(now.getTime() - STALE_HEARTBEAT_MS) } }] },
    select: { month: true },
    distinct: ["month"],
  });
  const resume = new Set(abandoned.map((r) => r.month));
  const months = new Set([...byMonth.keys(), ...resume]);
  const started: ScheduledRun[] = [];
  for (const month of [...months].sort()) {
    const zones = byMonth.get(month) ?? [];
    if (!resume.has(month) && !(await hasUnchargedCandidate(month, zones))) continue;
    const { run, outcome } = await startBillingRun({ month, trigger: "schedule" });
    if (outcome !== "finished") await enqueueBillingRun(run.id);
    log.info("billing run queued by the tick", { month, runId: run.id, outcome });
    started.push({ month, runId: run.id, outcome });
  }
  return started;
}
