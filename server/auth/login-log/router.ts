import { router } from "@/server/trpc/init";
import { authedProcedure, mailboxProcedure } from "@/server/trpc/procedures";
import { actorOf } from "@/server/trpc/context";
import { requestAuditExport } from "@/server/audit/request-audit-export";
import { getAuditExport } from "@/server/audit/get-audit-export";
import { ZAuditExportIdRequest } from "@/server/audit/request-audit-export.types";
import { loginLogScopeOf } from "./login-log-scope";
import { listLoginEvents } from "./list-login-events";
import { ZListLoginEventsRequest } from "./list-login-events.types";
import { loginLogStats } from "./login-log-stats";
import { ZLoginLogStatsRequest, ZRequestLoginLogExport } from "./login-log-export.types";
import { listMySignIns } from "./list-my-sign-ins";
import { securityNotices } from "./security-notices";

/** Operators (the whole log) and tenant admins (their tenant's rows); ctx gains the forced scope. */
const loginLogReaderProcedure = authedProcedure.use(({ ctx, next }) => next({ ctx: { ...ctx, ...loginLogScopeOf(ctx.user) } }));

export const loginLogRouter = router({
  list: loginLogReaderProcedure.input(ZListLoginEventsRequest).query(({ ctx, input }) => listLoginEvents(input, ctx.scopeTenantId)),
  stats: loginLogReaderProcedure.input(ZLoginLogStatsRequest).query(({ ctx, input }) => loginLogStats(ctx.scopeTenantId, input.tenantId)),
  requestExport: loginLogReaderProcedure
    .input(ZRequestLoginLogExport)
    .mutation(({ ctx, input }) => requestAuditExport({ ...actorOf(ctx), id: ctx.user.id }, ctx.scopeTenantId, input, "logins")),
  exportStatus: loginLogReaderProcedure.input(ZAuditExportIdRequest).query(({ ctx, input }) => getAuditExport(ctx.user.id, input.id)),
  /** A portal account's own latest sign-ins (the personal security pages). */
  mine: authedProcedure.query(({ ctx }) => listMySignIns({ kind: "user", id: ctx.user.id })),
  /** A mailbox user's own latest sign-ins (the self-service security page). */
  mineAsMailbox: mailboxProcedure.query(({ ctx }) => listMySignIns({ kind: "mailbox", id: ctx.mailboxId })),
  /** The home page's security warnings and reminders for the caller's own account. */
  notices: authedProcedure.query(({ ctx }) => securityNotices(ctx.user)),
});
