import type { Order, PaymentMethod } from "@/server/generated/prisma/client.ts";
import type { AuditActor } from "@/server/audit/record-audit";
import type { Tx } from "@/server/billing/ledger/money-transaction";
import { DomainError, say } from "@/server/shared/errors";
import { formatFen, toFen } from "@/server/shared/money";
import { orderWholesale } from "../pricing/load-wholesale";
import { overrideOf } from "../pricing/wholesale-price";
import { appendResellerEntry, lockReseller, resellerBalance } from "./reseller-ledger";

// The money model between a reseller and the platform (issue 10, decided by the lead):
// the client's tenant always pays the client's price into its own ledger; the reseller's account
// records what that sale means for it. On its account (a) it owes the wholesale price; when the
// client paid the platform itself (b) the platform owes it the margin. A parent earns the gap
// between its sub-reseller's wholesale price and its own either way.

export const wholesaleKey = (orderId: string) => `wholesale:${orderId}`;
export const marginKey = (orderId: string) => `margin:${orderId}`;
export const overrideKey = (orderId: string) => `override:${orderId}`;

type ActorRef = { id: string | null; role: AuditActor["role"] } | null;
const ref = (actor: AuditActor | null): ActorRef => actor && { id: actor.id, role: actor.role };

/** Owed = what the reseller owes now (a negative balance), available = what its credit limit still allows. */
export function creditPosition(balance: number, creditLimit: number) {
  const owed = balance < 0 ? -balance : 0;
  return { balance, owed, creditLimit, available: Math.max(0, creditLimit - owed) };
}

/**
 * (a) An order placed by a reseller for its client and paid on the reseller's account: under the
 * reseller's row lock, the wholesale must fit in its credit limit (owed + wholesale ≤ limit), or
 * the whole order is refused with the figures. Writes the wholesale charge; the caller then pays
 * the order through applyOrderPayment. The caller holds the tenant's lock (taken first).
 */
export async function chargeOrderToReseller(tx: Tx, args: { order: Order; actor: AuditActor }): Promise<{ resellerId: string; wholesale: number }> {
  const { order } = args;
  if (!order.resellerId) throw new Error("chargeOrderToReseller: the order has no reseller");
  const reseller = await lockReseller(tx, order.resellerId);
  if (reseller.status !== "active") {
    throw new DomainError(
      "PRECONDITION_FAILED",
      say("The reseller account is suspended: it cannot pay orders on account. Pay by bank transfer or contact the platform", "经销商账户已暂停，不能用经销商账户支付；请改用银行转账或联系平台"),
    );
  }
  const clientAmount = toFen(order.amount);
  const wholesale = await orderWholesale(tx, reseller.id, order);
  const position = creditPosition(await resellerBalance(tx, reseller.id), toFen(reseller.creditLimit));
  if (position.owed + wholesale > position.creditLimit) {
    const [w, o, l, a] = [wholesale, position.owed, position.creditLimit, position.available].map((n) => formatFen(n, order.currency));
    throw new DomainError(
      "PRECONDITION_FAILED",
      say(
        `This order costs ${w} at your wholesale price; you owe ${o} of your ${l} credit limit, so ${a} is available`,
        `此订单按您的批发价为 ${w}；您已占用信用额度 ${l} 中的 ${o}，可用额度为 ${a}`,
      ),
    );
  }
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
