import { router } from "@/server/trpc/init";
import { publicProcedure } from "@/server/trpc/procedures";
import { checkPasswordReset } from "./check-password-reset";
import { completePasswordReset } from "./complete-password-reset";
import { ZCheckPasswordResetRequest, ZCompletePasswordResetRequest, ZRequestPasswordResetRequest } from "./password-reset.types";
import { requestPasswordReset } from "./request-password-reset";

// Signed-out pages: the e-mailed link is the credential; its token is looked up by hash.
export const passwordResetRouter = router({
  request: publicProcedure.input(ZRequestPasswordResetRequest).mutation(({ ctx, input }) => requestPasswordReset(input, ctx.ip)),
  check: publicProcedure.input(ZCheckPasswordResetRequest).query(({ input }) => checkPasswordReset(input.token)),
  complete: publicProcedure.input(ZCompletePasswordResetRequest).mutation(({ ctx, input }) => completePasswordReset(input, ctx.ip)),
});
