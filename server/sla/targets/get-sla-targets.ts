import { db } from "@/server/shared/db";
import { notFound } from "@/server/shared/errors";
import { CONTRACT_TARGETS, targetsOf } from "./sla-targets";
import type { SlaTargetsView } from "./sla-target.types";

type Client = Pick<typeof db, "plan" | "slaTarget">;

/** A plan's promises: its own row, or the contract's figures for a plan that has none. */
export async function getSlaTargets(planId: string, client: Client = db): Promise<SlaTargetsView> {
  if (!(await client.plan.findUnique({ where: { id: planId }, select: { id: true } }))) throw notFound("Plan");
  const row = await client.slaTarget.findUnique({ where: { planId } });
  return { planId, targets: row ? targetsOf(row) : { ...CONTRACT_TARGETS }, custom: row !== null, updatedAt: row?.updatedAt ?? null };
}
