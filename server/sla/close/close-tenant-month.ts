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

// One tenant's month: evaluated by the pure rules, then written in one transaction — the month
// (SlaMonth), one breach per promise missed (SlaBreach, with its evidence) and, when a credited
// promise was missed and fees were paid, the proposed credit (SlaCredit). Closing again replaces
// the month and its breaches; a credit an operator already decided is never changed.

const log = logger("sla.close");

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

export type TenantMonthOutcome = { status: MonthEvaluation["status"]; breaches: number; credit: "proposed" | "updated" | "kept" | "none" };

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

const json = (value: unknown) => JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? String(v) : v))) as Prisma.InputJsonValue;

export async function closeTenantMonth(tenant: CloseTenant, ctx: TenantMonthContext): Promise<TenantMonthOutcome> {
  const e = evaluateTenant(tenant, ctx);
  const samples = [...ctx.inputs.platform, ...(ctx.inputs.byTenant.get(tenant.id) ?? [])];
  const figures = json({
    promises: e.promises,
    breached: e.breached,
    interruptions: minuteRuns(e.interruptionMinutes),
    exclusions: e.exclusions.map((x) => ({ why: x.why, source: x.source, id: x.id, from: new Date(x.interval.start).toISOString(), to: new Date(x.interval.end).toISOString() })),
    activeMailboxes: tenant.activeMailboxes,
    targets: ctx.targets,
  });
  const key = { tenantId_month: { tenantId: tenant.id, month: ctx.month } };
  const availability = e.promises.availability;
  const row = {
    status: e.status,
    availabilityPpm: availability.met === null || !("ratioPpm" in availability) ? null : availability.ratioPpm,
    interruptionMinutes: e.interruptionMinutes.length,
    breaches: e.breached.length,
    figures,
    digest: ctx.digest,
    closeRunId: ctx.runId,
    computedAt: new Date(ctx.now),
  };
  return db.$transaction(async (tx) => {
    await tx.slaMonth.upsert({
      where: key,
      create: { tenantId: tenant.id, month: ctx.month, ...row },
      update: row,
    });
    await tx.slaBreach.deleteMany({ where: { tenantId: tenant.id, month: ctx.month, promise: { notIn: e.breached } } });
    for (const promise of e.breached) {
      const { measured, target } = measuredAndTarget(promise, e, ctx.targets);
      const evidence = json(breachEvidence(promise, e, samples, PROBES_OF[promise] ?? []));
      await tx.slaBreach.upsert({
        where: { tenantId_month_promise: { tenantId: tenant.id, month: ctx.month, promise } },
        create: { tenantId: tenant.id, month: ctx.month, promise, measured, target, evidence },
        update: { measured, target, evidence },
      });
    }
    return { status: e.status, breaches: e.breached.length, credit: await proposeTenantCredit(tx, tenant, ctx.month, e) };
  });
}

async function proposeTenantCredit(tx: Prisma.TransactionClient, tenant: CloseTenant, month: string, e: MonthEvaluation): Promise<TenantMonthOutcome["credit"]> {
  const existing = await tx.slaCredit.findUnique({ where: { tenantId_month: { tenantId: tenant.id, month } } });
  if (existing && existing.status !== "proposed") return "kept";
  const failureMinutes = e.creditableMinutes.length;
  // Nothing to double, or nothing paid to cap it with: no proposal (the breach stays on record).
  if (failureMinutes === 0 || tenant.monthFee <= 0n) {
    if (existing) await tx.slaCredit.delete({ where: { id: existing.id } });
    return "none";
  }
  const p = proposeCredit({ failureMinutes, monthFee: tenant.monthFee, feesPaid: tenant.monthFee });
  const data = { failureMinutes, creditMinutes: p.creditMinutes, monthFee: tenant.monthFee, proposedAmount: p.amount, capAmount: p.capAmount, currency: tenant.currency };
  if (existing) {
    if (existing.proposedAmount !== p.amount) log.info("credit proposal changed on re-close", { tenantId: tenant.id, month, from: String(existing.proposedAmount), to: String(p.amount) });
    await tx.slaCredit.update({ where: { id: existing.id }, data });
    return "updated";
  }
  await tx.slaCredit.create({ data: { tenantId: tenant.id, month, ...data } });
  return "proposed";
}
