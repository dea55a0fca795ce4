import type { Order, PaymentMethod } from "@/server/generated/prisma/client.ts";
import type { AuditActor } from "@/server/audit/record-audit";
import type { Tx } from "@/server/billing/ledger/money-transaction";
import { toFen } from "@/server/shared/money";
import { orderWholesale } from "../pricing/load-wholesale";
import { overrideOf } from "../pricing/wholesale-price";
import { appendResellerEntry, lockReseller, parentStanding, resellerBalance } from "./reseller-ledger";
import { creditPosition, onAccountError, onAccountRefusal, type OnAccountCase } from "./on-account-rules";

// The money model between a reseller and the platform (issue 10):
// the client's tenant always pays the client's price into its own ledger; the reseller's account
// records what that sale means for it. On its account (a) it owes the wholesale price; when the
// client paid the platform itself (b) the platform owes it the margin. A parent earns the gap
// between its sub-reseller's wholesale price and its own either way.

export const wholesaleKey = (orderId: string) => `wholesale:${orderId}`;
export const marginKey = (orderId: string) => `margin:${orderId}`;
export const overrideKey = (orderId: string) => `override:${orderId}`;

type ActorRef = { id: string | null; role: AuditActor["role"] } | null;
const ref = (actor: AuditActor | null): ActorRef => actor && { id: actor.id, role: actor.role };

/**
 * (a) An order placed by a reseller for its client and paid on the reseller's account: only by
 * the client's own reseller (not its parent), under that reseller's row lock, while it and its
 * parent are active, in its currency, and within its credit (wholesale ≤ limit + balance) — or
 * the whole order is refused with the figures. Writes the wholesale charge; the caller then pays
 * the order through applyOrderPayment. The caller holds the tenant's lock (taken first).
 */
export async function chargeOrderToReseller(tx: Tx, args: { order: Order; actor: AuditActor }): Promise<{ resellerId: string; wholesale: number }> {
  const { order } = args;
  if (!order.resellerId) throw new Error("chargeOrderToReseller: the order has no reseller");
  const reseller = await lockReseller(tx, order.resellerId);
  const clientAmount = toFen(order.amount);
  const wholesale = await orderWholesale(tx, reseller.id, order);
  const position = creditPosition(await resellerBalance(tx, reseller.id, reseller.currency), toFen(reseller.creditLimit));
  const check: OnAccountCase = {
    actingResellerId: args.actor.resellerId,
    reseller: { ...reseller, parent: await parentStanding(tx, reseller) },
    orderCurrency: order.currency,
    wholesale,
    position,
  };
  const refusal = onAccountRefusal(check);
  if (refusal) throw onAccountError(refusal, check);
  if (wholesale > 0) {
    await appendResellerEntry(tx, {
      resellerId: reseller.id,
      kind: "wholesale_charge",
      amount: -wholesale,
      currency: order.currency,
      idempotencyKey: wholesaleKey(order.id),
      tenantId: order.tenantId,
      orderId: order.id,
      clientAmount,
      wholesaleAmount: wholesale,
      marginAmount: clientAmount - wholesale,
      reference: order.reference,
      actor: ref(args.actor),
    });
  }
  return { resellerId: reseller.id, wholesale };
}

export type ResellerShares = { resellerId: string; wholesale: number; margin: number; parentId: string | null; override: number };

/**
 * Called by applyOrderPayment for every paid order of a reseller's client (in its transaction).
 * (b) When the client paid the platform (bank transfer, Stripe), the reseller is credited its
 * margin; on account (a) the margin is already its own (it collects from the client). The parent
 * of a sub-reseller gets its override in both cases. Keyed by order, so a retried payment writes
 * nothing twice. The order settles with the reseller it was placed under, even if the tenant
 * has moved since.
 */
export async function creditResellerShares(tx: Tx, args: { order: Order; method: PaymentMethod; actor: AuditActor | null }): Promise<ResellerShares | null> {
  const { order } = args;
  if (!order.resellerId) return null;
  const reseller = await tx.reseller.findUnique({ where: { id: order.resellerId }, select: { id: true, parentId: true } });
  if (!reseller) return null; // the books outlive a removed reseller; nothing to credit
  const clientAmount = toFen(order.amount);
  const wholesale = await orderWholesale(tx, reseller.id, order);
  const margin = clientAmount - wholesale;
  const common = { currency: order.currency, tenantId: order.tenantId, orderId: order.id, reference: order.reference, actor: ref(args.actor) };
  if (args.method !== "reseller_account" && margin > 0) {
    await appendResellerEntry(tx, {
      ...common,
      resellerId: reseller.id,
      kind: "margin_credit",
      amount: margin,
      idempotencyKey: marginKey(order.id),
      clientAmount,
      wholesaleAmount: wholesale,
      marginAmount: margin,
    });
  }
  let override = 0;
  if (reseller.parentId) {
    const parentWholesale = await orderWholesale(tx, reseller.parentId, order);
    override = overrideOf(wholesale, parentWholesale);
    if (override > 0) {
      // For the parent, the "client amount" is what its sub-reseller's sale cost at the child's wholesale.
      await appendResellerEntry(tx, {
        ...common,
        resellerId: reseller.parentId,
        kind: "override_credit",
        amount: override,
        idempotencyKey: overrideKey(order.id),
        clientAmount: wholesale,
        wholesaleAmount: parentWholesale,
        marginAmount: override,
        note: `Sub-reseller ${reseller.id}`,
      });
    }
  }
  return { resellerId: reseller.id, wholesale, margin, parentId: reseller.parentId, override };
}
