import { router } from "@/server/trpc/init";
import { publicProcedure } from "@/server/trpc/procedures";
import { acceptInvitation } from "./accept-invitation";
import { ZAcceptInvitationRequest, ZCheckInvitationRequest } from "./accept-invitation.types";
import { checkInvitation } from "./check-invitation";

// Signed-out pages: the invitation link is the credential. Its token is looked up by hash.
export const invitationsRouter = router({
  check: publicProcedure.input(ZCheckInvitationRequest).query(({ input }) => checkInvitation(input.token)),
  accept: publicProcedure.input(ZAcceptInvitationRequest).mutation(({ ctx, input }) => acceptInvitation(input, ctx.ip)),
});
