import { TRPCError } from "@trpc/server";
import { router } from "@/server/trpc/init";
import { authedProcedure } from "@/server/trpc/procedures";
import { actorOf } from "@/server/trpc/context";
import type { SessionUser } from "@/server/auth/session-user";
import { getTotpStatus } from "./get-totp-status";
import { beginTotpEnrolment } from "./begin-totp-enrolment";
import { confirmTotpEnrolment } from "./confirm-totp-enrolment";
import { regenerateRecoveryCodes } from "./regenerate-recovery-codes";
import { disableTotp } from "./disable-totp";
import { resetTotpForUser, type ResetScope } from "./reset-totp-for-user";
import { listSecondFactorAccounts, ZSecondFactorAccountsRequest } from "./list-second-factor-accounts";
import { ZDisableTotpRequest, ZResetTotpRequest, ZTotpCodeRequest } from "./totp.types";

/** Tenant admins reset admins of their own tenant; operators anyone; resellers no one. */
function resetScopeOf(user: SessionUser): ResetScope {
  if (user.role === "operator") return { anyAccount: true };
  if (user.role === "tenant_admin" && user.tenantId) return { tenantId: user.tenantId };
  throw new TRPCError({ code: "FORBIDDEN", message: "This area is not part of your role" });
}

// The caller's own second factor (portal accounts; the user id is the session's, never an input),
// and an admin's reset of someone else's. docs/security.md "Second factor".
export const totpRouter = router({
  status: authedProcedure.query(({ ctx }) => getTotpStatus(ctx.user)),
  beginEnrolment: authedProcedure.mutation(({ ctx }) => beginTotpEnrolment(actorOf(ctx), ctx.user.id)),
  confirmEnrolment: authedProcedure.input(ZTotpCodeRequest).mutation(({ ctx, input }) => confirmTotpEnrolment(actorOf(ctx), ctx.user.id, input.code)),
  regenerateRecoveryCodes: authedProcedure
    .input(ZTotpCodeRequest)
    .mutation(({ ctx, input }) => regenerateRecoveryCodes(actorOf(ctx), ctx.user.id, input.code)),
  disable: authedProcedure.input(ZDisableTotpRequest).mutation(({ ctx, input }) => disableTotp(actorOf(ctx), ctx.user.id, input)),
  // Whom the caller may reset, for the admins' page: the same scope as resetForUser.
  accounts: authedProcedure
    .input(ZSecondFactorAccountsRequest)
    .query(({ ctx, input }) => listSecondFactorAccounts(resetScopeOf(ctx.user), ctx.user.id, input)),
  resetForUser: authedProcedure
    .input(ZResetTotpRequest)
    .mutation(({ ctx, input }) => resetTotpForUser(actorOf(ctx), resetScopeOf(ctx.user), input.userId)),
});
