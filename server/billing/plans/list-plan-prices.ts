import { db } from "@/server/shared/db";
import { notFound } from "@/server/shared/errors";
import type { TListPlanPricesRequest, TListPlanPricesResponse } from "./list-plan-prices.types";

/** A plan's price history, oldest first, with who set each price. */
export async function listPlanPrices({ planId }: TListPlanPricesRequest): Promise<TListPlanPricesResponse> {
  const plan = await db.plan.findUnique({
    where: { id: planId },
    select: { id: true, code: true, name: true, currency: true, active: true },
  });
  if (!plan) throw notFound("Plan");
  const rows = await db.planPrice.findMany({ where: { planId }, orderBy: [{ effectiveFrom: "asc" }, { id: "asc" }] });
  // changedById is kept without a foreign key (the history outlives accounts), so look names up.
  const ids = [...new Set(rows.flatMap((r) => (r.changedById ? [r.changedById] : [])))];
  const users = new Map(
    (await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, email: true, name: true } })).map((u) => [u.id, u]),
  );
  return {
    plan,
    prices: rows.map((r) => ({
      id: String(r.id),
      pricePerSeatYear: r.pricePerSeatYear,
      currency: r.currency,
      effectiveFrom: r.effectiveFrom,
      changedBy: r.changedById ? (users.get(r.changedById) ?? { id: r.changedById, email: null, name: null }) : null,
    })),
  };
}
