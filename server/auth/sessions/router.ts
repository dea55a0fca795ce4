import { router } from "@/server/trpc/init";
import { accountProcedure } from "@/server/trpc/procedures";
import { actorOf } from "@/server/trpc/context";
import { clock } from "@/server/shared/clock";
import { policyScopeOf } from "@/server/auth/policy/security-policy";
import { listMySessions } from "./list-my-sessions";
import { revokeMySession } from "./revoke-my-session";
import { revokeOtherSessions } from "./revoke-other-sessions";
import { sessionAccountOf } from "./session-account";
import { ZSessionIdRequest } from "./sessions.types";

// The caller's own sessions, for every kind of account (portal users and mailbox users); the
// account is the session's, never an input. docs/security.md "Sessions".
export const sessionsRouter = router({
  list: accountProcedure.query(({ ctx }) =>
    listMySessions({ ...sessionAccountOf(ctx.user), scope: policyScopeOf(ctx.user) }, ctx.user.sessionId ?? null, clock.now()),
  ),
  revoke: accountProcedure.input(ZSessionIdRequest).mutation(({ ctx, input }) => revokeMySession(actorOf(ctx), sessionAccountOf(ctx.user), input.id)),
  revokeOthers: accountProcedure.mutation(({ ctx }) => revokeOtherSessions(actorOf(ctx), sessionAccountOf(ctx.user), ctx.user.sessionId ?? null)),
});
