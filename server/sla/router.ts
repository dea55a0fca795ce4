import { actorOf } from "@/server/trpc/context";
import { router } from "@/server/trpc/init";
import { clientProcedure, operatorProcedure } from "@/server/trpc/procedures";
import { closeSlaMonth } from "./close/close-month";
import { slaAdminRouter } from "./ops-admin-router";
import { statusRouter } from "./status/router";
import { decideCredit } from "./credits/decide-credit";
import { ZDecideCreditRequest } from "./credits/decide-credit.types";
import { getSlaReport, listReportMonths } from "./reports/get-sla-report";
import { listCredits } from "./reports/list-credits";
import { listSlaMonths } from "./reports/list-sla-months";
import { ZCloseMonthRequest, ZListCreditsRequest, ZListSlaMonthsRequest, ZOpsSlaReportRequest, ZOpsTenantRequest, ZSlaReportRequest } from "./reports/sla-report.types";

// The customer's SLA report takes no tenant id: it is always the caller's own tenant.
const customerSlaRouter = router({
  report: clientProcedure.input(ZSlaReportRequest).query(({ ctx, input }) => getSlaReport(ctx.tenantId, input.month)),
  months: clientProcedure.query(({ ctx }) => listReportMonths(ctx.tenantId)),
});

// Operators: every tenant's months, one tenant's report with its evidence, the credit queue and
// its decisions, and closing a month by hand (the job does it on the 1st and 2nd).
const opsSlaRouter = router({
  months: operatorProcedure.input(ZListSlaMonthsRequest).query(({ input }) => listSlaMonths(input)),
  report: operatorProcedure.input(ZOpsSlaReportRequest).query(({ input }) => getSlaReport(input.tenantId, input.month)),
  tenantMonths: operatorProcedure.input(ZOpsTenantRequest).query(({ input }) => listReportMonths(input.tenantId)),
  credits: operatorProcedure.input(ZListCreditsRequest).query(({ input }) => listCredits(input)),
  decideCredit: operatorProcedure.input(ZDecideCreditRequest).mutation(({ ctx, input }) => decideCredit(actorOf(ctx), input)),
  close: operatorProcedure.input(ZCloseMonthRequest).mutation(({ ctx, input }) => closeSlaMonth({ month: input.month, trigger: "operator", requestedById: ctx.user.id })),
});

export const slaRouter = router({
  customer: customerSlaRouter,
  ops: opsSlaRouter,
  // Maintenance windows, incidents and per-plan targets (operators).
  admin: slaAdminRouter,
  // The public status page's data (no session, no tenant data).
  status: statusRouter,
});
