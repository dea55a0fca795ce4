import { db } from "@/server/shared/db";
import { PLAN_ROW_SELECT, type PlanRow } from "./plan.types";

/** A plan a customer can order: what it costs (integer fen per seat-year) and what it allows. */
export type CatalogueRow = Omit<PlanRow, "active" | "updatedAt">;

const { active: _active, updatedAt: _updatedAt, ...CATALOGUE_SELECT } = PLAN_ROW_SELECT;

/** The plans on sale, cheapest first. Withdrawn plans stay on their subscriptions but are not offered. */
export async function listCatalogue(): Promise<CatalogueRow[]> {
  return db.plan.findMany({
    where: { active: true },
    select: CATALOGUE_SELECT,
    orderBy: [{ pricePerSeatYear: "asc" }, { code: "asc" }],
  });
}
