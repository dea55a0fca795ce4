import { DomainError, say } from "@/server/shared/errors";
import type { Tx } from "../tenant-transaction";
import { quotaMessage, quotaProblem } from "./mailbox-rules";

export type PlanLimits = { mailboxQuotaMb: number; aliasesPerMailbox: number };

/**
 * The per-mailbox limits of the tenant's plan: the active subscription's, else the newest one's
 * (a cancelled tenant can still edit what it has), else null (never subscribed).
 */
export async function planLimits(tx: Tx, tenantId: string): Promise<PlanLimits | null> {
  const subs = await tx.subscription.findMany({
    where: { tenantId },
    orderBy: { createdAt: "desc" },
    select: { status: true, plan: { select: { mailboxQuotaMb: true, aliasesPerMailbox: true } } },
  });
  return (subs.find((s) => s.status === "active") ?? subs[0])?.plan ?? null;
}

export async function requirePlanLimits(tx: Tx, tenantId: string): Promise<PlanLimits> {
  const limits = await planLimits(tx, tenantId);
  if (!limits) throw new DomainError("PRECONDITION_FAILED", say("No plan yet: buy a plan on the billing page first", "尚未购买套餐：请先在“费用中心”购买"));
  return limits;
}

/** Refuses on the `quotaMb` field a quota over the plan or below what the mailbox stores. */
export function assertQuotaAllowed(quotaMb: number, limits: PlanLimits, usedBytes = 0n): void {
  const problem = quotaProblem(quotaMb, limits.mailboxQuotaMb, Number(usedBytes));
  if (problem) {
    const text = quotaMessage(problem);
    throw new DomainError("BAD_INPUT", text, { quotaMb: [text] });
  }
}
