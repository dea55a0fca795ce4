import type { Prisma } from "@/server/generated/prisma/client";
import { db } from "@/server/shared/db";
import { logger } from "@/server/shared/logger";
import { AVAILABILITY_PROBES, CONNECTIVITY_PROBES } from "../rules/constants";
import { proposeCredit } from "../rules/credit";
import { evaluateMonth, type MonthEvaluation, type PlatformMonth, type PromiseName, type SlaTargets } from "../rules/evaluate-month";
import type { Interval } from "../rules/intervals";
import type { CloseInputs, LabelledSample } from "./close-inputs";
import { breachEvidence, measuredAndTarget, minuteRuns } from "./month-evidence";
import type { CloseTenant } from "./tenant-page";

// A page of tenants' months: each evaluated by the pure rules, then all written in one
// transaction — the months (SlaMonth), one breach per promise missed (SlaBreach, with its
// evidence) and, where a credited promise was missed and fees were paid, the proposed credit
// (SlaCredit). A handful of statements per page rather than per tenant: 10,000 tenants close in
// seconds (npm run bench:sla). Closing again replaces the months and breaches; a credit an
// operator already decided is never changed.

const log = logger("sla.close");
const BREACH_SLICE = 200;

export type TenantMonthContext = {
  month: string;
  bounds: Interval;
  platform: PlatformMonth;
  inputs: CloseInputs;
  labelled: LabelledSample[];
  targets: SlaTargets;
  noticeHours: number;
  now: number;
  digest: Uint8Array<ArrayBuffer> | null;
  runId: string | null;
};

export type PageOutcome = { breached: number; noEvidence: number; credits: number; kept: number };

const PROBES_OF: Partial<Record<PromiseName, readonly string[]>> = { availability: AVAILABILITY_PROBES, connectivity: CONNECTIVITY_PROBES };

export function evaluateTenant(tenant: CloseTenant, ctx: TenantMonthContext): MonthEvaluation {
  return evaluateMonth({
    tenantId: tenant.id,
    bounds: ctx.bounds,
    observations: ctx.inputs.byTenant.get(tenant.id) ?? [],
    platform: ctx.platform,
    activeMailboxes: tenant.activeMailboxes,
    maintenance: ctx.inputs.maintenance,
    incidents: ctx.inputs.incidents,
    noticeHours: ctx.noticeHours,
    now: ctx.now,
    latency: tenant.latency,
    labelled: ctx.labelled,
    targets: ctx.targets,
  });
}

const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;

function monthRow(tenant: CloseTenant, ctx: TenantMonthContext, e: MonthEvaluation): Prisma.SlaMonthCreateManyInput {
  const availability = e.promises.availability;
  return {
    tenantId: tenant.id,
    month: ctx.month,
    status: e.status,
    availabilityPpm: availability.met === null || !("ratioPpm" in availability) ? null : availability.ratioPpm,
    interruptionMinutes: e.interruptionMinutes.length,
    breaches: e.breached.length,
    figures: json({
      promises: e.promises,
      breached: e.breached,
      interruptions: minuteRuns(e.interruptionMinutes),
      exclusions: e.exclusions.map((x) => ({ why: x.why, source: x.source, id: x.id, from: new Date(x.interval.start).toISOString(), to: new Date(x.interval.end).toISOString() })),
      activeMailboxes: tenant.activeMailboxes,
      targets: ctx.targets,
    }),
    digest: ctx.digest,
    closeRunId: ctx.runId,
    computedAt: new Date(ctx.now),
  };
}

function breachRows(tenant: CloseTenant, ctx: TenantMonthContext, e: MonthEvaluation): Prisma.SlaBreachCreateManyInput[] {
  const samples = [...ctx.inputs.platformFailing, ...(ctx.inputs.byTenant.get(tenant.id) ?? [])];
  return e.breached.map((promise) => ({
    tenantId: tenant.id,
    month: ctx.month,
    promise,
    ...measuredAndTarget(promise, e, ctx.targets),
    evidence: json(breachEvidence(promise, e, samples, PROBES_OF[promise] ?? [])),
  }));
}

/**
 * Evaluates and writes one page of tenants, each with its own zone's context. A tenant whose
 * credit an operator already decided keeps its month and breaches as they were when decided: the
 * decision rests on that evidence (a later re-close, say after an incident was reclassified, must
 * not take it away from under an approved credit).
 */
export async function closeTenantPage(page: { tenant: CloseTenant; ctx: TenantMonthContext }[]): Promise<PageOutcome> {
  if (!page.length) return { breached: 0, noEvidence: 0, credits: 0, kept: 0 };
  const month = page[0]!.ctx.month;
  const decided = new Set(
    (await db.slaCredit.findMany({ where: { month, tenantId: { in: page.map((p) => p.tenant.id) }, status: { not: "proposed" } }, select: { tenantId: true } })).map((c) => c.tenantId),
  );
  const open = page.filter((p) => !decided.has(p.tenant.id));
  const evaluated = open.map(({ tenant, ctx }) => ({ tenant, ctx, e: evaluateTenant(tenant, ctx) }));
  const ids = open.map((p) => p.tenant.id);
  const outcome = {
    breached: evaluated.filter((x) => x.e.status === "breached").length,
    noEvidence: evaluated.filter((x) => x.e.status === "no_evidence").length,
    credits: 0,
    kept: decided.size,
  };
  if (!open.length) return outcome;
  await db.$transaction(async (tx) => {
    await tx.slaMonth.deleteMany({ where: { month, tenantId: { in: ids } } });
    await tx.slaMonth.createMany({ data: evaluated.map(({ tenant, ctx, e }) => monthRow(tenant, ctx, e)) });
    await tx.slaBreach.deleteMany({ where: { month, tenantId: { in: ids } } });
    const breaches = evaluated.flatMap(({ tenant, ctx, e }) => breachRows(tenant, ctx, e));
    // In slices: a breach's evidence is a few KB, and one statement must stay under max_allowed_packet.
    for (let i = 0; i < breaches.length; i += BREACH_SLICE) await tx.slaBreach.createMany({ data: breaches.slice(i, i + BREACH_SLICE) });
    outcome.credits = await proposeCredits(tx, month, evaluated);
  });
  return outcome;
}

/**
 * Proposals for the page: new ones created, open ones updated or withdrawn. Every change to an
 * existing row is conditional on it still being a proposal: an operator deciding it meanwhile
 * (under the tenant's lock, decide-credit.ts) wins, and the close leaves it alone.
 */
async function proposeCredits(tx: Prisma.TransactionClient, month: string, evaluated: { tenant: CloseTenant; e: MonthEvaluation }[]): Promise<number> {
  const existing = new Map((await tx.slaCredit.findMany({ where: { month, tenantId: { in: evaluated.map((x) => x.tenant.id) } } })).map((c) => [c.tenantId, c]));
  const created: Prisma.SlaCreditCreateManyInput[] = [];
  let proposed = 0;
  for (const { tenant, e } of evaluated) {
    const before = existing.get(tenant.id);
    if (before && before.status !== "proposed") continue;
    const stillProposed = before && { id: before.id, status: "proposed" as const };
    const failureMinutes = e.creditableMinutes.length;
    // Nothing to double, or nothing paid to cap it with: no proposal (the breach stays on record).
    if (failureMinutes === 0 || tenant.monthFee <= 0n) {
      if (stillProposed) await tx.slaCredit.deleteMany({ where: stillProposed });
      continue;
    }
    const p = proposeCredit({ failureMinutes, monthFee: tenant.monthFee, feesPaid: tenant.monthFee });
    const data = { failureMinutes, creditMinutes: p.creditMinutes, monthFee: tenant.monthFee, proposedAmount: p.amount, capAmount: p.capAmount, currency: tenant.currency };
    if (before && before.proposedAmount !== p.amount) log.info("credit proposal changed on re-close", { tenantId: tenant.id, month, from: String(before.proposedAmount), to: String(p.amount) });
    if (stillProposed) await tx.slaCredit.updateMany({ where: stillProposed, data });
    else created.push({ tenantId: tenant.id, month, ...data });
    proposed++;
  }
  if (created.length) await tx.slaCredit.createMany({ data: created });
  return proposed;
}
