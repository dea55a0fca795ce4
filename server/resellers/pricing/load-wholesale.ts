import type { Order } from "@/server/generated/prisma/client.ts";
import { db } from "@/server/shared/db";
import { DomainError, notFound, say } from "@/server/shared/errors";
import { toFen } from "@/server/shared/money";
import { wholesaleOf, wholesalePricePerSeatYear } from "./wholesale-price";

type Reader = Pick<typeof db, "reseller" | "resellerPrice" | "plan" | "subscription">;

export type WholesaleTerms = {
  planId: string;
  listPricePerSeatYear: number;
  wholesalePricePerSeatYear: number;
  /** True when a per-plan price, not the discount, set the wholesale price. */
  overridden: boolean;
};

/**
 * The reseller's wholesale price per seat-year for a plan, at `listPrice` (the plan's price of
 * today unless the caller passes the price an order was made at). An override set when the list
 * price was higher is capped at the list: the margin is then zero, never negative, and the order
 * is not blocked by a price the operator has yet to revise.
 */
export async function loadWholesale(tx: Reader, resellerId: string, planId: string, listPrice?: number): Promise<WholesaleTerms> {
  const [reseller, plan, price] = await Promise.all([
    tx.reseller.findUnique({ where: { id: resellerId }, select: { discountBps: true } }),
    tx.plan.findUnique({ where: { id: planId }, select: { pricePerSeatYear: true } }),
    tx.resellerPrice.findUnique({ where: { resellerId_planId: { resellerId, planId } }, select: { pricePerSeatYear: true } }),
  ]);
  if (!reseller) throw resellerNotFound();
  if (!plan) throw notFound("Plan");
  const list = listPrice ?? plan.pricePerSeatYear;
  const override = price ? Math.min(price.pricePerSeatYear, list) : null;
  return { planId, listPricePerSeatYear: list, wholesalePricePerSeatYear: wholesalePricePerSeatYear(list, reseller.discountBps, override), overridden: Boolean(price) };
}

/**
 * What `resellerId` pays the platform for `order` at its wholesale price: the order's amount
 * scaled by wholesale / list per seat-year (a subscription order at the price it was made at, a
 * top-up at its subscription's price). For a subscription this equals seats × wholesale × years.
 */
export async function orderWholesale(tx: Reader, resellerId: string, order: Pick<Order, "kind" | "planId" | "pricePerSeatYear" | "subscriptionId" | "amount">): Promise<number> {
  let planId = order.planId;
  let list = order.pricePerSeatYear;
  if (order.kind === "top_up" || planId === null || list === null) {
    const sub = order.subscriptionId ? await tx.subscription.findUnique({ where: { id: order.subscriptionId }, select: { planId: true, pricePerSeatYear: true } }) : null;
    if (!sub) throw notFound("Subscription");
    planId = sub.planId;
    list = sub.pricePerSeatYear;
  }
  const terms = await loadWholesale(tx, resellerId, planId, list);
  return wholesaleOf(toFen(order.amount), terms.listPricePerSeatYear, terms.wholesalePricePerSeatYear);
}

/** Unknown and out-of-reach resellers answer alike. */
export const resellerNotFound = () => new DomainError("NOT_FOUND", say("Reseller not found", "经销商不存在"));
