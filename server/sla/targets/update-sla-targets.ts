import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { db } from "@/server/shared/db";
import { say } from "@/server/shared/errors";
import { refuseIfAny } from "../admin-fields";
import type { SlaTargets } from "../rules/evaluate-month";
import { getSlaTargets } from "./get-sla-targets";
import type { SlaTargetsView, TUpdateSlaTargetsRequest } from "./sla-target.types";
import { targetProblems } from "./target-bounds";

const INVALID = say("The SLA targets are not valid", "SLA 指标填写有误");

/**
 * An operator changes some of a plan's promises. The result is checked whole (bounds, mean not
 * above max) and upserted, since a plan made before issue 9 may have no row; audited with the
 * changed values before and after. The plan row is locked so two edits at once do not each
 * overwrite the other's fields with what they read. Months already closed keep their targets.
 */
export async function updateSlaTargets(actor: AuditActor, input: TUpdateSlaTargetsRequest): Promise<SlaTargetsView> {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM Plan WHERE id = ${input.planId} FOR UPDATE`;
    const current = await getSlaTargets(input.planId, tx);
    const patch = Object.fromEntries(Object.entries(input.targets).filter(([, v]) => v !== undefined)) as Partial<SlaTargets>;
    const next: SlaTargets = { ...current.targets, ...patch };
    refuseIfAny(targetProblems(next), INVALID);
    const changed = (Object.keys(next) as (keyof SlaTargets)[]).filter((k) => next[k] !== current.targets[k]);
    if (changed.length === 0 && current.custom) return current;
    await tx.slaTarget.upsert({ where: { planId: input.planId }, create: { planId: input.planId, ...next }, update: next });
    const pick = (t: SlaTargets) => Object.fromEntries(changed.map((k) => [k, t[k]]));
    await recordAudit(
      actor,
      { action: "sla.targets.update", tenantId: null, target: { type: "plan", id: input.planId }, details: { before: pick(current.targets), after: pick(next), hadRow: current.custom } },
      tx,
    );
    return getSlaTargets(input.planId, tx);
  });
}
