import type { Order } from "@/server/generated/prisma/client.ts";
import type { AuditActor } from "@/server/audit/record-audit";
import { recordAudit } from "@/server/audit/record-audit";
import { clock } from "@/server/shared/clock";
import type { Tx } from "../ledger/money-transaction";
import type { LockedTenant } from "../ledger/lock-tenant";
import { appendLedgerEntry, type LedgerEntryRow } from "../ledger/append-ledger-entry";
import { billingStartMonth, termEndMonth } from "../rules/billing-start";
import { reactivateIfPaid } from "../subscriptions/reactivate-if-paid";

/** One payment per order, whichever way it arrives (bank transfer, Stripe, a retry of either). */
export const orderPaymentKey = (orderId: string) => `order:${orderId}:payment`;

/**
 * The one place a paid order becomes money: a ledger payment, the order marked paid, a new
 * subscription activated with its billing start and prepaid term, and a tenant suspended for
 * non-payment reactivated. The caller holds the tenant lock and has checked the order is pending.
 */
export async function applyOrderPayment(
  tx: Tx,
  args: { tenant: LockedTenant; order: Order; amount: number; method: Order["method"]; actor: AuditActor | null; note?: string },
): Promise<LedgerEntryRow> {
  const { tenant, order } = args;
  const now = clock.now();
  const { entry } = await appendLedgerEntry(tx, {
    tenantId: tenant.id,
    kind: "payment",
    amount: args.amount,
    currency: order.currency,
    idempotencyKey: orderPaymentKey(order.id),
    reference: order.reference,
    actor: args.actor && { id: args.actor.id, role: args.actor.role },
    note: args.note ?? (args.method === "stripe" ? "Card payment (Stripe)" : "Bank transfer"),
  });
  await tx.order.update({ where: { id: order.id }, data: { status: "paid", paidAt: now, method: args.method } });
  if (order.kind === "subscription" && order.subscriptionId) {
    const sub = await tx.subscription.findUniqueOrThrow({ where: { id: order.subscriptionId } });
    const start = billingStartMonth(sub.startRule, now, tenant.mxVerifiedAt, tenant.timeZone);
    await tx.subscription.update({
      where: { id: sub.id },
      data: { status: "active", paidAt: now, billingStartMonth: start, termEndMonth: start && termEndMonth(start, order.termYears ?? 1) },
    });
  }
  const system: AuditActor = { id: null, email: null, role: null, tenantId: null, ip: null };
  await recordAudit(
    args.actor ?? system,
    {
      action: "billing.payment.record",
      tenantId: tenant.id,
      target: { type: "order", id: order.id },
      details: { reference: order.reference, amount: args.amount, method: args.method, ledgerEntryId: entry.id },
    },
    tx,
  );
  await reactivateIfPaid(tx, tenant, args.actor);
  return entry;
}
