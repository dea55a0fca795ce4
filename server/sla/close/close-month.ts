import { isMonth } from "@/server/billing/rules/months";
import { clock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { env } from "@/server/shared/env";
import { DomainError, say } from "@/server/shared/errors";
import { logger } from "@/server/shared/logger";
import { withNamedLock } from "@/server/shared/named-lock";
import { addDays, dayStart, daysFromTo, utcDay } from "../evidence/utc-days";
import { oldestWholeLogDay, rollupLatencyDay } from "../rollups/rollup-latency";
import { LATE_LATENCY_DAYS } from "../rollups/sla-maintenance";
import { DAY_MS } from "../rules/constants";
import { platformMonth, type PlatformMonth } from "../rules/evaluate-month";
import { monthBounds, type Interval } from "../rules/intervals";
import { loadTargetsByPlan, CONTRACT_TARGETS } from "../targets/sla-targets";
import { loadCloseInputs, type CloseInputs } from "./close-inputs";
import { closeTenantPage, type TenantMonthContext } from "./close-tenant-month";
import { loadTenantPage } from "./tenant-page";

// The month close (issue 9): every tenant's month measured against its plan's promises, breaches
// recorded with their evidence, credits proposed. Run by the sla-close job on the 1st and 2nd (a
// tenant whose month has not ended yet in its own zone is left for the next run) and by
// `npm run sla:close -- --month YYYY-MM`. Idempotent: closing again gives the same months and
// breaches, and never touches a credit an operator decided.

const log = logger("sla.close");
const PAGE = 500;
/** A run younger than this still counts as running (a crashed one is superseded after it). */
const STALE_RUN_MS = 30 * 60_000;

export type CloseMonthResult = {
  runId: string;
  month: string;
  tenants: number;
  skipped: number;
  /** Tenants whose credit was already decided: their month stays as it was when decided. */
  kept: number;
  breached: number;
  noEvidence: number;
  credits: number;
  ms: number;
  /** Where the time went: latency roll-ups, reading the month's samples, the tenants' pages. */
  stagesMs: { rollup: number; load: number; tenants: number };
};

function refuse(en: string, zh: string): never {
  throw new DomainError("BAD_INPUT", say(en, zh), { month: [en] });
}

/** The UTC range covering the month in every zone (UTC−12 … UTC+14), and its UTC days. */
function coveringRange(month: string): Interval {
  const utc = monthBounds(month, "UTC");
  return { start: utc.start - DAY_MS, end: utc.end + DAY_MS };
}

export async function closeSlaMonth(opts: { month: string; trigger: "schedule" | "cli" | "operator"; requestedById?: string | null; onProgress?: (done: number) => void }): Promise<CloseMonthResult> {
  const { month } = opts;
  if (typeof month !== "string" || !isMonth(month)) refuse(`month must be YYYY-MM, got ${JSON.stringify(month)}`, `月份须为 YYYY-MM 形式，收到 ${JSON.stringify(month)}`);
  const now = clock.now().getTime();
  const started = performance.now();
  if (monthBounds(month, "Etc/GMT-14").start > now) refuse(`${month} has not begun: there is nothing to close`, `${month} 尚未开始，无可结算`);
  const range = coveringRange(month);
  // Raw samples go after SLA_SAMPLE_RETENTION_DAYS: closing such a month again would find no
  // evidence and overwrite what was closed while it was there. It stays as it was closed.
  const retention = env().SLA_SAMPLE_RETENTION_DAYS;
  if (range.start < now - retention * DAY_MS) {
    throw new DomainError(
      "PRECONDITION_FAILED",
      say(`${month}'s probe samples are past their ${retention}-day retention: the month stays as it was closed`, `${month} 的探针样本已超过 ${retention} 天保留期：该月保持原结算结果`),
    );
  }
  const run = await startRun(month, opts, now);
  try {
    // Latency roll-ups first for the days a late first delivery attempt can still change (the
    // daily job redoes the last LATE_LATENCY_DAYS; this makes the month's last days current). Older
    // days keep their roll-ups: their delivery log may be purged already.
    const firstDay = utcDay(new Date(monthBounds(month, "UTC").start));
    const lastDay = utcDay(new Date(monthBounds(month, "UTC").end - 1));
    const today = utcDay(new Date(now));
    const recent = [firstDay, addDays(today, -LATE_LATENCY_DAYS), oldestWholeLogDay(new Date(now))].sort().at(-1)!;
    for (const day of daysFromTo(recent, lastDay < today ? lastDay : addDays(today, -1))) await rollupLatencyDay(day);
    const t1 = performance.now();
    const [inputs, targetsByPlan] = await Promise.all([loadCloseInputs(range), loadTargetsByPlan()]);
    const t2 = performance.now();
    const result = await closeTenants(month, run.id, inputs, targetsByPlan, now, { first: dayStart(firstDay), last: dayStart(lastDay) }, opts.onProgress);
    await db.slaCloseRun.update({
      where: { id: run.id },
      data: { status: "done", tenantsTotal: result.tenants + result.skipped, processed: result.tenants, breaches: result.breached, credits: result.credits, finishedAt: clock.now() },
    });
    const t3 = performance.now();
    const stagesMs = { rollup: Math.round(t1 - started), load: Math.round(t2 - t1), tenants: Math.round(t3 - t2) };
    const ms = Math.round(t3 - started);
    log.info("month closed", { month, runId: run.id, ...result, ms, stagesMs });
    return { runId: run.id, month, ...result, ms, stagesMs };
  } catch (e) {
    await db.slaCloseRun.update({ where: { id: run.id }, data: { status: "failed", error: (e instanceof Error ? e.message : String(e)).slice(0, 500), finishedAt: clock.now() } });
    throw e;
  }
}

/**
 * Opens the run under a named lock, so the scheduled job and an operator's button cannot both
 * start the same month (each would rewrite the same pages). A run that has not finished within
 * STALE_RUN_MS is taken to have crashed and no longer blocks.
 */
function startRun(month: string, opts: { trigger: string; requestedById?: string | null }, now: number) {
  const busy = say(`another close of ${month} is starting; try again in a minute`, `${month} 的另一次结算正在启动，请稍后再试`);
  return withNamedLock(`mailstead_sla_close:${month}`, 0, busy, async (tx) => {
    const running = await tx.slaCloseRun.findFirst({ where: { month, status: "running", startedAt: { gt: new Date(now - STALE_RUN_MS) } } });
    if (running) throw new DomainError("CONFLICT", say(`the close of ${month} is already running (run ${running.id})`, `${month} 的结算正在进行（${running.id}）`));
    return tx.slaCloseRun.create({ data: { month, trigger: opts.trigger, requestedById: opts.requestedById ?? null, startedAt: new Date(now) } });
  });
}

async function closeTenants(
  month: string,
  runId: string,
  inputs: CloseInputs,
  targetsByPlan: Awaited<ReturnType<typeof loadTargetsByPlan>>,
  now: number,
  latencyDays: { first: Date; last: Date },
  onProgress?: (done: number) => void,
) {
  const noticeHours = env().SLA_MAINTENANCE_NOTICE_HOURS;
  // The platform-wide part and the month's digest depend only on the zone: computed once per zone.
  const zones = new Map<string, { bounds: Interval; platform: PlatformMonth; digest: Uint8Array<ArrayBuffer> | null; labelled: CloseInputs["labelled"] }>();
  const zone = async (tz: string) => {
    const known = zones.get(tz);
    if (known) return known;
    const bounds = monthBounds(month, tz);
    const inMonth = <T extends { at: number }>(list: T[]) => list.filter((s) => s.at >= bounds.start && s.at < bounds.end);
    // The digest of the UTC day holding the month's last minute: its link covers every sample of
    // the month. Not sealed yet (sealing behind): none, rather than an earlier day's.
    const lastDay = await db.sampleDigest.findUnique({ where: { day: dayStart(utcDay(new Date(bounds.end - 1))) }, select: { digest: true } });
    const made = { bounds, platform: platformMonth(inMonth(inputs.platform), bounds), digest: lastDay?.digest ?? null, labelled: inMonth(inputs.labelled) };
    zones.set(tz, made);
    return made;
  };
  const totals = { tenants: 0, skipped: 0, kept: 0, breached: 0, noEvidence: 0, credits: 0 };
  for (let after = ""; ; ) {
    const page = await loadTenantPage(month, after, PAGE, latencyDays);
    if (!page.length) break;
    after = page[page.length - 1]!.id;
    const ready: { tenant: (typeof page)[number]; ctx: TenantMonthContext }[] = [];
    for (const tenant of page) {
      const z = await zone(tenant.timeZone);
      if (z.bounds.end > now) {
        totals.skipped++;
        continue;
      }
      const targets = (tenant.planId && targetsByPlan.get(tenant.planId)) || CONTRACT_TARGETS;
      ready.push({ tenant, ctx: { month, bounds: z.bounds, platform: z.platform, inputs, labelled: z.labelled, targets, noticeHours, now, digest: z.digest, runId } });
    }
    const outcome = await closeTenantPage(ready);
    totals.tenants += ready.length;
    totals.kept += outcome.kept;
    totals.breached += outcome.breached;
    totals.noEvidence += outcome.noEvidence;
    totals.credits += outcome.credits;
    await db.slaCloseRun.update({ where: { id: runId }, data: { cursor: after, processed: totals.tenants } });
    onProgress?.(totals.tenants + totals.skipped);
  }
  return totals;
}
