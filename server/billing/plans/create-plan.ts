import { Prisma } from "@/server/generated/prisma/client.ts";
import { db } from "@/server/shared/db";
import { DomainError } from "@/server/shared/errors";
import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { appendPlanPrice, assertAttachmentLimits } from "./plan-price";
import { PLAN_ROW_SELECT, type PlanRow } from "./plan.types";
import type { TCreatePlanRequest } from "./create-plan.types";

function codeTaken(code: string): DomainError {
  const message = `A plan with code "${code}" already exists; choose another code`;
  return new DomainError("CONFLICT", message, { code: [message] });
}

/** Creates a plan on sale, its first price-history row and the audit row, all or nothing. */
export async function createPlan(actor: AuditActor, input: TCreatePlanRequest): Promise<PlanRow> {
  assertAttachmentLimits(input.attachmentLimitMb, input.largeAttachmentLimitMb);
  try {
    return await db.$transaction(async (tx) => {
      // Checked first for the common case; the unique index settles a race (caught below).
      if (await tx.plan.findUnique({ where: { code: input.code }, select: { id: true } })) throw codeTaken(input.code);
      // Every plan carries the contract's SLA promises until an operator changes them (issue 9).
      const plan = await tx.plan.create({ data: { ...input, slaTarget: { create: {} } }, select: PLAN_ROW_SELECT });
      await appendPlanPrice(tx, plan, actor.id);
      const { id: _id, updatedAt: _at, ...details } = plan;
      await recordAudit(actor, { action: "plan.create", tenantId: null, target: { type: "plan", id: plan.id }, details }, tx);
      return plan;
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") throw codeTaken(input.code);
    throw e;
  }
}
