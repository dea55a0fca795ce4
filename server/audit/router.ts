import { router } from "@/server/trpc/init";
import { authedProcedure, customerProcedure, operatorProcedure } from "@/server/trpc/procedures";
import { actorOf } from "@/server/trpc/context";
import { auditScopeOf } from "./audit-scope";
import { listAuditEvents } from "./list-audit-events";
import { ZListAuditEventsRequest, ZListMyAuditEventsRequest } from "./list-audit-events.types";
import { listAuditFilterOptions } from "./list-audit-filter-options";
import { requestAuditExport } from "./request-audit-export";
import { ZAuditExportIdRequest, ZRequestAuditExportRequest } from "./request-audit-export.types";
import { getAuditExport } from "./get-audit-export";

/** Operators and tenant admins; ctx gains the scope their reads are forced into. */
const auditReaderProcedure = authedProcedure.use(({ ctx, next }) =>
  next({ ctx: { ...ctx, ...auditScopeOf(ctx.user) } }),
);

export const auditRouter = router({
  list: operatorProcedure.input(ZListAuditEventsRequest).query(({ input }) => listAuditEvents(input, null)),
  listMine: customerProcedure
    .input(ZListMyAuditEventsRequest)
    .query(({ ctx, input }) => listAuditEvents(input, ctx.tenantId)),
  filterOptions: auditReaderProcedure.query(({ ctx }) => listAuditFilterOptions(ctx.scopeTenantId)),
  requestExport: auditReaderProcedure
    .input(ZRequestAuditExportRequest)
    .mutation(({ ctx, input }) => requestAuditExport({ ...actorOf(ctx), id: ctx.user.id }, ctx.scopeTenantId, input)),
  exportStatus: auditReaderProcedure
    .input(ZAuditExportIdRequest)
    .query(({ ctx, input }) => getAuditExport(ctx.user.id, input.id)),
});
