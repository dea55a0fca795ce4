import { db } from "@/server/shared/db";
import { notFound } from "@/server/shared/errors";
import { assertPositiveFen } from "@/server/shared/money";
import { projectPaidThrough, type PaidThrough } from "../rules/paid-through";
import { getPaidThrough } from "./get-paid-through";

export type TopUpPreview = { balanceAfter: number; before: PaidThrough | null; after: PaidThrough | null; minimum: number | null };

/** The paid-through date a top-up of `amount` fen would reach, before the customer pays it. */
export async function previewTopUp(tenantId: string, amount: number): Promise<TopUpPreview> {
  assertPositiveFen(amount);
  const tenant = await db.tenant.findUnique({ where: { id: tenantId }, select: { timeZone: true } });
  if (!tenant) throw notFound("Tenant");
  const pt = await getPaidThrough(tenantId, tenant.timeZone);
  const balanceAfter = pt.balance + amount;
  if (!pt.service || !pt.nextMonth || !pt.paidThrough) return { balanceAfter, before: null, after: null, minimum: null };
  const after = projectPaidThrough({
    balance: balanceAfter,
    state: pt.service.state,
    change: pt.service.change,
    fromMonth: pt.nextMonth,
    lastChargedMonth: pt.lastChargedMonth,
  });
  return { balanceAfter, before: pt.paidThrough, after, minimum: pt.nextMonthFee };
}
