import { router } from "@/server/trpc/init";
import { mailboxProcedure } from "@/server/trpc/procedures";
import { actorOf } from "@/server/trpc/context";
import { getMyMailbox } from "./get-my-mailbox";
import { changeMyPassword } from "./change-my-password";
import { ZChangeMyPasswordRequest } from "./change-my-password.types";

// The mailbox user's self-service page: their own mailbox only (ctx.mailboxId).
export const selfServiceRouter = router({
  // An expired password (the session's restriction, from the tenant's policy) is asked for like the initial one.
  get: mailboxProcedure.query(({ ctx }) => getMyMailbox(ctx.tenantId, ctx.mailboxId, ctx.user.restriction === "change_password")),
  changePassword: mailboxProcedure
    .input(ZChangeMyPasswordRequest)
    .mutation(({ ctx, input }) => changeMyPassword(actorOf(ctx), ctx.tenantId, ctx.mailboxId, input, ctx.user.sessionId ?? null)),
});
