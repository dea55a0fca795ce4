import { z } from "zod";
import { ZPlanId } from "./plan.types";

export const ZListPlanPricesRequest = z.object({ planId: ZPlanId });
export type TListPlanPricesRequest = z.infer<typeof ZListPlanPricesRequest>;

/** One price a plan has had; the last one is the current price. */
export type PlanPriceRow = {
  id: string;
  pricePerSeatYear: number;
  currency: string;
  effectiveFrom: Date;
  /** Who set it: null for prices the migration or the seed wrote. */
  changedBy: { id: string; email: string | null; name: string | null } | null;
};

export type TListPlanPricesResponse = {
  plan: { id: string; code: string; name: string; currency: string; active: boolean };
  prices: PlanPriceRow[];
};
