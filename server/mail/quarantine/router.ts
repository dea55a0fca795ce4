import { actorOf } from "@/server/trpc/context";
import { router } from "@/server/trpc/init";
import { customerProcedure, mailboxProcedure } from "@/server/trpc/procedures";
import { deleteQuarantinedMessage } from "./delete-quarantined-message";
import { listQuarantine } from "./list-quarantine";
import { previewQuarantinedMessage } from "./preview-quarantined-message";
import { ZQuarantineIdRequest, ZQuarantineListRequest, ZReportSpamRequest } from "./quarantine.types";
import { releaseQuarantinedMessage } from "./release-quarantined-message";
import { reportSpam } from "./report-spam";

// 隔离区 (issue 8 item 7): a tenant admin reviews the tenant's held mail; a mailbox user reviews
// their own and says "not spam" (a release) or "this is spam" on delivered mail. Scopes come from
// the session; an entry outside the caller's scope is NOT_FOUND.
export const quarantineRouter = router({
  list: customerProcedure.input(ZQuarantineListRequest).query(({ ctx, input }) => listQuarantine({ tenantId: ctx.tenantId }, input)),
  preview: customerProcedure.input(ZQuarantineIdRequest).query(({ ctx, input }) => previewQuarantinedMessage({ tenantId: ctx.tenantId }, input.id)),
  release: customerProcedure.input(ZQuarantineIdRequest).mutation(({ ctx, input }) => releaseQuarantinedMessage(actorOf(ctx), { tenantId: ctx.tenantId }, input.id)),
  delete: customerProcedure.input(ZQuarantineIdRequest).mutation(({ ctx, input }) => deleteQuarantinedMessage(actorOf(ctx), { tenantId: ctx.tenantId }, input.id)),

  mine: mailboxProcedure.input(ZQuarantineListRequest).query(({ ctx, input }) => listQuarantine({ tenantId: ctx.tenantId, mailboxId: ctx.mailboxId }, input)),
  previewMine: mailboxProcedure.input(ZQuarantineIdRequest).query(({ ctx, input }) => previewQuarantinedMessage({ tenantId: ctx.tenantId, mailboxId: ctx.mailboxId }, input.id)),
  /** 不是垃圾邮件: the user's release of their own entry. */
  notSpam: mailboxProcedure.input(ZQuarantineIdRequest).mutation(({ ctx, input }) => releaseQuarantinedMessage(actorOf(ctx), { tenantId: ctx.tenantId, mailboxId: ctx.mailboxId }, input.id)),
  deleteMine: mailboxProcedure.input(ZQuarantineIdRequest).mutation(({ ctx, input }) => deleteQuarantinedMessage(actorOf(ctx), { tenantId: ctx.tenantId, mailboxId: ctx.mailboxId }, input.id)),
  /** 这是垃圾邮件: on a message delivered to the user. */
  reportSpam: mailboxProcedure.input(ZReportSpamRequest).mutation(({ ctx, input }) => reportSpam(actorOf(ctx), { tenantId: ctx.tenantId, mailboxId: ctx.mailboxId }, input.messageId)),
});
