import { router } from "@/server/trpc/init";
import { operatorProcedure } from "@/server/trpc/procedures";
import { actorOf } from "@/server/trpc/context";
import { ZGetBillingRunRequest, ZListBillingRunsRequest, ZStartBillingRunRequest } from "./billing-run.types";
import { getBillingRun } from "./get-billing-run";
import { listBillingRuns } from "./list-billing-runs";
import { requestBillingRun } from "./request-billing-run";

// Monthly billing runs are an operator's tool: customers and resellers see their own charges in
// their statements, never the runs.
export const billingRunsRouter = router({
  list: operatorProcedure.input(ZListBillingRunsRequest).query(({ input }) => listBillingRuns(input)),
  get: operatorProcedure.input(ZGetBillingRunRequest).query(({ input }) => getBillingRun(input.runId)),
  start: operatorProcedure.input(ZStartBillingRunRequest).mutation(({ ctx, input }) => requestBillingRun(actorOf(ctx), input)),
});
