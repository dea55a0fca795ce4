import type { AuditActor } from "@/server/audit/record-audit";
import type { Tx } from "../ledger/money-transaction";
import { appendLedgerEntry } from "../ledger/append-ledger-entry";
import { advanceToMonth, type MonthStep } from "../rules/service-terms";
import type { Month } from "../rules/months";
import type { LoadedService } from "./load-service";

/** How a charge explains itself in the ledger; the billing run writes the same words. */
export const chargeNote = (step: MonthStep) => `${step.state.seats} seats × ${step.state.pricePerSeatYear} fen per seat-year`;

/** One charge per tenant and month, whoever writes it and however often (run, retry, reactivation). */
export const chargeKey = (tenantId: string, month: Month) => `charge:${tenantId}:${month}`;

/**
 * Persists what `advanceToMonth` decided for `month`: a due resize becomes the subscription's
 * state, an ended term renews at the plan's price of the day. Shared by the billing run and the
 * single-tenant paths so both move a subscription the same way.
 */
export async function persistMonthStep(tx: Tx, service: LoadedService, step: MonthStep, now: Date): Promise<void> {
  if (!step.changeApplied && !step.renewed) return;
  await tx.subscription.update({
    where: { id: service.subscription.id },
    data: {
      seats: step.state.seats,
      pricePerSeatYear: step.state.pricePerSeatYear,
      termEndMonth: step.state.termEndMonth,
      ...(step.changeApplied && service.scheduled ? { planId: service.scheduled.toPlanId } : {}),
    },
  });
  if (step.changeApplied && service.scheduled) {
    await tx.resizeChange.updateMany({ where: { id: service.scheduled.id, status: "scheduled" }, data: { status: "applied", appliedAt: now } });
  }
}

/**
 * Charges one tenant one month if its balance can pay it; returns false (writing nothing) when it
 * cannot. The caller holds the tenant's lock and has checked the month is due.
 */
export async function chargeMonth(
  tx: Tx,
  args: { tenantId: string; service: LoadedService; month: Month; balance: number; now: Date; actor: AuditActor | null },
): Promise<{ charged: boolean; fee: number }> {
  const step = advanceToMonth(args.service.state, args.service.change, args.month);
  if (args.balance < step.fee) return { charged: false, fee: step.fee };
  await persistMonthStep(tx, args.service, step, args.now);
  await appendLedgerEntry(tx, {
    tenantId: args.tenantId,
    kind: "monthly_charge",
    amount: -step.fee,
    currency: args.service.subscription.currency,
    idempotencyKey: chargeKey(args.tenantId, args.month),
    reference: args.month,
    billingMonth: args.month,
    actor: args.actor && { id: args.actor.id, role: args.actor.role },
    note: chargeNote(step),
  });
  return { charged: true, fee: step.fee };
}
