import type { Order } from "@/server/generated/prisma/client.ts";
import type { AuditActor } from "@/server/audit/record-audit";
import { recordAudit } from "@/server/audit/record-audit";
import { clock } from "@/server/shared/clock";
import { DomainError, say } from "@/server/shared/errors";
import type { Tx } from "../ledger/money-transaction";
import type { LockedTenant } from "../ledger/lock-tenant";
import { appendLedgerEntry, type LedgerEntryRow } from "../ledger/append-ledger-entry";
import { billingStartMonth, termEndMonth } from "../rules/billing-start";
import { reactivateIfPaid } from "../subscriptions/reactivate-if-paid";
import { chargeOrderToReseller, creditResellerShares } from "@/server/resellers/account/settle-reseller-order";

const PAYMENT_NOTES: Record<Order["method"], string> = {
  bank_transfer: "Bank transfer",
  stripe: "Card payment (Stripe)",
  reseller_account: "Paid by the reseller on its account",
};

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
    note: args.note ?? PAYMENT_NOTES[args.method],
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
  // A reseller's client: its margin (or its parent's override) is booked with the payment.
  const shares = await creditResellerShares(tx, { order, method: args.method, actor: args.actor });
  const system: AuditActor = { id: null, email: null, role: null, tenantId: null, ip: null };
  await recordAudit(
    args.actor ?? system,
    {
      action: "billing.payment.record",
      tenantId: tenant.id,
      target: { type: "order", id: order.id },
      details: {
        reference: order.reference,
        amount: args.amount,
        method: args.method,
        ledgerEntryId: entry.id,
        ...(shares && { onBehalfOfTenantId: tenant.id, resellerId: shares.resellerId, wholesale: shares.wholesale, margin: shares.margin, override: shares.override }),
      },
    },
    tx,
  );
  await reactivateIfPaid(tx, tenant, args.actor);
  return entry;
}

/**
 * A reseller pays its client's new order on its own account, in the order's transaction: first
 * the wholesale charge (refused with the figures beyond the credit limit; the caller audits the
 * order with it), then `payOnAccount`, which pays the order as any paid order is paid, so the
 * subscription activates the same way.
 */
export const chargeOnAccount = (tx: Tx, order: Order, actor: AuditActor) => chargeOrderToReseller(tx, { order, actor });

export function payOnAccount(tx: Tx, tenant: LockedTenant, order: Order, actor: AuditActor): Promise<LedgerEntryRow> {
  return applyOrderPayment(tx, { tenant, order, amount: Number(order.amount), method: "reseller_account", actor });
}

/**
 * The tenant's reseller now, stored on the order (Order.resellerId): the order settles with it
 * even if the tenant moves to another reseller before paying. Paying on a reseller account needs one.
 */
export async function orderResellerId(tx: Tx, tenantId: string, method: Order["method"]): Promise<string | null> {
  const { resellerId } = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { resellerId: true } });
  if (method === "reseller_account" && !resellerId) {
    const text = say("This customer buys directly from the platform: pay by bank transfer or card", "该企业直接向平台购买，请使用银行转账或银行卡支付");
    throw new DomainError("BAD_INPUT", text, { method: [text] });
  }
  return resellerId;
}
