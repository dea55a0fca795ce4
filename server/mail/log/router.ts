import { router } from "@/server/trpc/init";
import { customerProcedure, mailboxProcedure } from "@/server/trpc/procedures";
import { ZMailLogRequest } from "./mail-log-filters";
import { myMessages } from "./my-messages";
import { searchMailLog } from "./search-mail-log";

// The delivery log (收发信记录): a tenant admin searches their tenant's lines; a mailbox user
// reads their own. Both scopes come from the session, never from the input.
export const mailLogRouter = router({
  search: customerProcedure.input(ZMailLogRequest).query(({ ctx, input }) => searchMailLog(ctx.tenantId, input)),
  mine: mailboxProcedure.input(ZMailLogRequest).query(({ ctx, input }) => myMessages(ctx.tenantId, ctx.mailboxId, input)),
});
