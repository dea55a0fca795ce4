import { db } from "@/server/shared/db";
import { CONTRACT_TARGETS } from "../rules/contract-targets";
import type { SlaTargets } from "../rules/evaluate-month";

// The promises a plan makes (SlaTarget, per plan); a plan without a row, or a tenant without a
// plan, has the contract's (CONTRACT_TARGETS, a pure rule).
export { CONTRACT_TARGETS };

export function targetsOf(row: SlaTargets & { planId?: string; updatedAt?: Date }): SlaTargets {
  const { planId: _plan, updatedAt: _updated, ...targets } = row;
  return targets;
}

/** Every plan's targets, by plan id (a handful of rows: loaded once per month close). */
export async function loadTargetsByPlan(): Promise<Map<string, SlaTargets>> {
  const rows = await db.slaTarget.findMany();
  return new Map(rows.map((r) => [r.planId, targetsOf(r)]));
}
