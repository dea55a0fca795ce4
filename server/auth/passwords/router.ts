import { actorOf } from "@/server/trpc/context";
import { router } from "@/server/trpc/init";
import { authedProcedure, mailboxProcedure } from "@/server/trpc/procedures";
import { changeOwnPassword } from "./change-own-password";
import { ZChangeOwnPasswordRequest } from "./change-own-password.types";
import { getMailboxPasswordRule, getPasswordRule } from "./get-password-rule";

// The caller's own password: the rule of its scope and the change. Open to restricted sessions
// (an expired password is changed here). Mailbox users change theirs through tenants.selfService.
export const passwordsRouter = router({
  rule: authedProcedure.query(({ ctx }) => getPasswordRule(ctx.user.id)),
  mailboxRule: mailboxProcedure.query(({ ctx }) => getMailboxPasswordRule(ctx.tenantId, ctx.mailboxId)),
  changeOwn: authedProcedure
    .input(ZChangeOwnPasswordRequest)
    .mutation(({ ctx, input }) => changeOwnPassword({ ...actorOf(ctx), id: ctx.user.id }, ctx.user.sessionId ?? null, input)),
});
