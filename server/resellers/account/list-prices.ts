import { db } from "@/server/shared/db";
import { wholesalePricePerSeatYear } from "../pricing/wholesale-price";
import { findReseller } from "./reseller-entry-view";

export type PriceRow = {
  planId: string;
  code: string;
  name: string;
  currency: string;
  listPricePerSeatYear: number;
  wholesalePricePerSeatYear: number;
  marginPerSeatYear: number;
  /** The operator's per-plan price, or null when the discount applies. */
  override: number | null;
};

export type PriceList = { resellerId: string; discountBps: number; creditLimit: number; rows: PriceRow[] };

/** Per active plan: list price, the reseller's wholesale price and its margin per seat-year. */
export async function listPrices(resellerId: string): Promise<PriceList> {
  const reseller = await findReseller(resellerId);
  const [plans, prices] = await Promise.all([
    db.plan.findMany({ where: { active: true }, orderBy: [{ pricePerSeatYear: "asc" }, { code: "asc" }] }),
    db.resellerPrice.findMany({ where: { resellerId } }),
  ]);
  const overrides = new Map(prices.map((p) => [p.planId, p.pricePerSeatYear]));
  const rows = plans.map((plan): PriceRow => {
    const override = overrides.get(plan.id) ?? null;
    // An override left above a since-lowered list price counts as the list price (margin zero), as orders do.
    const wholesale = wholesalePricePerSeatYear(plan.pricePerSeatYear, reseller.discountBps, override === null ? null : Math.min(override, plan.pricePerSeatYear));
    return {
      planId: plan.id,
      code: plan.code,
      name: plan.name,
      currency: plan.currency,
      listPricePerSeatYear: plan.pricePerSeatYear,
      wholesalePricePerSeatYear: wholesale,
      marginPerSeatYear: plan.pricePerSeatYear - wholesale,
      override,
    };
  });
  return { resellerId, discountBps: reseller.discountBps, creditLimit: Number(reseller.creditLimit), rows };
}
