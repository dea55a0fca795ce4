import { router } from "@/server/trpc/init";
import { authedProcedure, operatorProcedure } from "@/server/trpc/procedures";
import { actorOf } from "@/server/trpc/context";
import { listPlans } from "./list-plans";
import { listCatalogue } from "./list-catalogue";
import { createPlan } from "./create-plan";
import { ZCreatePlanRequest } from "./create-plan.types";
import { updatePlan } from "./update-plan";
import { ZUpdatePlanRequest } from "./update-plan.types";
import { listPlanPrices } from "./list-plan-prices";
import { ZListPlanPricesRequest } from "./list-plan-prices.types";

// Operators manage plans; anyone signed in may read what is on sale (customers order from it,
// resellers quote from it).
export const plansRouter = router({
  list: operatorProcedure.query(() => listPlans()),
  catalogue: authedProcedure.query(() => listCatalogue()),
  create: operatorProcedure.input(ZCreatePlanRequest).mutation(({ ctx, input }) => createPlan(actorOf(ctx), input)),
  update: operatorProcedure.input(ZUpdatePlanRequest).mutation(({ ctx, input }) => updatePlan(actorOf(ctx), input)),
  priceHistory: operatorProcedure.input(ZListPlanPricesRequest).query(({ input }) => listPlanPrices(input)),
});
