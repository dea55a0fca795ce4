import { router } from "@/server/trpc/init";
import { plansRouter } from "./plans/router";
import { accountRouter } from "./account/router";
import { transfersRouter } from "./orders/transfers-router";
import { stripeRouter } from "./stripe/router";
import { opsBillingRouter } from "./ops/router";
import { statementsRouter } from "./statements/router";
import { lifecycleRouter } from "./lifecycle/router";
import { billingRunsRouter } from "./run/router";

// Billing's procedures, one sub-router per part (plans, orders, ledger, resizes, runs, ...).
export const billingRouter = router({
  plans: plansRouter,
  account: accountRouter,
  transfers: transfersRouter,
  stripe: stripeRouter,
  ops: opsBillingRouter,
  statements: statementsRouter,
  lifecycle: lifecycleRouter,
  runs: billingRunsRouter,
});
