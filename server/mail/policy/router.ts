import { router } from "@/server/trpc/init";
import { customerProcedure, operatorProcedure } from "@/server/trpc/procedures";
import { actorOf } from "@/server/trpc/context";
import { getSpamPolicy } from "./get-spam-policy";
import { resetSpamPolicy } from "./reset-spam-policy";
import { ZTenantSpamPolicyRequest, ZUpdateSpamPolicyRequest } from "./spam-policy.types";
import { updateSpamPolicy } from "./update-spam-policy";

// A tenant admin's own spam policy (the tenant is the session's, never an input), and an
// operator's read of any tenant's.
export const spamPolicyRouter = router({
  get: customerProcedure.query(({ ctx }) => getSpamPolicy(ctx.tenantId)),
  update: customerProcedure.input(ZUpdateSpamPolicyRequest).mutation(({ ctx, input }) => updateSpamPolicy(actorOf(ctx), ctx.tenantId, input)),
  reset: customerProcedure.mutation(({ ctx }) => resetSpamPolicy(actorOf(ctx), ctx.tenantId)),
  ofTenant: operatorProcedure.input(ZTenantSpamPolicyRequest).query(({ input }) => getSpamPolicy(input.tenantId)),
});
