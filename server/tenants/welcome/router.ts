import { router } from "@/server/trpc/init";
import { customerProcedure } from "@/server/trpc/procedures";
import { actorOf } from "@/server/trpc/context";
import { getWelcomeTemplate } from "./get-welcome-template";
import { previewWelcomeLetter } from "./preview-welcome-letter";
import { updateWelcomeTemplate } from "./update-welcome-template";
import { ZPreviewWelcomeLetterRequest, ZUpdateWelcomeTemplateRequest } from "./update-welcome-template.types";

// The tenant's welcome letter (the console's settings page); always the caller's own tenant.
export const welcomeRouter = router({
  get: customerProcedure.query(({ ctx }) => getWelcomeTemplate(ctx.tenantId)),
  update: customerProcedure.input(ZUpdateWelcomeTemplateRequest).mutation(({ ctx, input }) => updateWelcomeTemplate(actorOf(ctx), ctx.tenantId, input)),
  preview: customerProcedure.input(ZPreviewWelcomeLetterRequest).query(({ ctx, input }) => previewWelcomeLetter(ctx.tenantId, input)),
});
