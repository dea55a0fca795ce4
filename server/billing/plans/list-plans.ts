import { db } from "@/server/shared/db";
import { PLAN_ROW_SELECT, type PlanRow } from "./plan.types";

export type { PlanRow } from "./plan.types";

/** The plan catalogue for operators: plans on sale cheapest first, then withdrawn ones. */
export async function listPlans(): Promise<PlanRow[]> {
  return db.plan.findMany({
    select: PLAN_ROW_SELECT,
    orderBy: [{ active: "desc" }, { pricePerSeatYear: "asc" }, { code: "asc" }],
  });
}
