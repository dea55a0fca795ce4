import { router } from "@/server/trpc/init";
import { customerProcedure, operatorProcedure } from "@/server/trpc/procedures";
import { actorOf } from "@/server/trpc/context";
import { addAllowEntry } from "./add-allow-entry";
import { addIpRule } from "./add-ip-rule";
import { getSecurityPolicy } from "./get-security-policy";
import { listActiveLocks } from "./list-active-locks";
import { listAllowEntries } from "./list-allow-entries";
import { listIpRules } from "./list-ip-rules";
import { assertTenantExists } from "./policy-scope";
import { ZAddAllowEntryRequest, ZAddIpRuleRequest, ZIdRequest, ZOpsAddIpRuleRequest, ZOpsPreviewRequest, ZPreviewRequest, ZTenantIdRequest, ZUpdatePolicyRequest } from "./policy.types";
import { previewIpAccess } from "./preview-ip-access";
import { removeAllowEntry } from "./remove-allow-entry";
import { removeIpRule } from "./remove-ip-rule";
import { PLATFORM_SCOPE } from "./security-policy";
import { unlockLock } from "./unlock-lock";
import { updateSecurityPolicy } from "./update-security-policy";

// A tenant admin's security settings: the tenant is the session's, never an input; another
// tenant's rule, entry or lock id is NOT_FOUND. The admin signs in through these IP rules, so
// their changes are guarded against locking themselves out (guardCaller = true).
const tenantRouter = router({
  get: customerProcedure.query(({ ctx }) => getSecurityPolicy(ctx.tenantId)),
  update: customerProcedure.input(ZUpdatePolicyRequest).mutation(({ ctx, input }) => updateSecurityPolicy(actorOf(ctx), ctx.tenantId, input)),
  ipRules: customerProcedure.query(({ ctx }) => listIpRules(ctx.tenantId)),
  addIpRule: customerProcedure.input(ZAddIpRuleRequest).mutation(({ ctx, input }) => addIpRule(actorOf(ctx), ctx.tenantId, input, true)),
  removeIpRule: customerProcedure.input(ZIdRequest).mutation(({ ctx, input }) => removeIpRule(actorOf(ctx), input.id, ctx.tenantId)),
  preview: customerProcedure.input(ZPreviewRequest).query(({ ctx, input }) => previewIpAccess(ctx.tenantId, input.ip, ctx.ip)),
  allowList: customerProcedure.query(({ ctx }) => listAllowEntries(ctx.tenantId)),
  addAllowEntry: customerProcedure.input(ZAddAllowEntryRequest).mutation(({ ctx, input }) => addAllowEntry(actorOf(ctx), ctx.tenantId, input)),
  removeAllowEntry: customerProcedure.input(ZIdRequest).mutation(({ ctx, input }) => removeAllowEntry(actorOf(ctx), ctx.tenantId, input.id)),
  locks: customerProcedure.query(({ ctx }) => listActiveLocks(ctx.tenantId)),
  unlock: customerProcedure.input(ZIdRequest).mutation(({ ctx, input }) => unlockLock(actorOf(ctx), input.id, ctx.tenantId)),
});

// Operators: the platform's policy and allow-list for staff, every lock, and any tenant's policy
// (read) and IP rules (read and change) by id.
const opsRouter = router({
  get: operatorProcedure.query(() => getSecurityPolicy(PLATFORM_SCOPE)),
  update: operatorProcedure.input(ZUpdatePolicyRequest).mutation(({ ctx, input }) => updateSecurityPolicy(actorOf(ctx), PLATFORM_SCOPE, input)),
  allowList: operatorProcedure.query(() => listAllowEntries(PLATFORM_SCOPE)),
  addAllowEntry: operatorProcedure.input(ZAddAllowEntryRequest).mutation(({ ctx, input }) => addAllowEntry(actorOf(ctx), PLATFORM_SCOPE, input)),
  removeAllowEntry: operatorProcedure.input(ZIdRequest).mutation(({ ctx, input }) => removeAllowEntry(actorOf(ctx), PLATFORM_SCOPE, input.id)),
  locks: operatorProcedure.query(() => listActiveLocks(null)),
  unlock: operatorProcedure.input(ZIdRequest).mutation(({ ctx, input }) => unlockLock(actorOf(ctx), input.id, null)),
  tenantPolicy: operatorProcedure.input(ZTenantIdRequest).query(async ({ input }) => (await assertTenantExists(input.tenantId), getSecurityPolicy(input.tenantId))),
  tenantIpRules: operatorProcedure.input(ZTenantIdRequest).query(async ({ input }) => (await assertTenantExists(input.tenantId), listIpRules(input.tenantId))),
  addIpRule: operatorProcedure.input(ZOpsAddIpRuleRequest).mutation(({ ctx, input }) => addIpRule(actorOf(ctx), input.tenantId, input, false)),
  removeIpRule: operatorProcedure.input(ZIdRequest).mutation(({ ctx, input }) => removeIpRule(actorOf(ctx), input.id, null)),
  preview: operatorProcedure.input(ZOpsPreviewRequest).query(async ({ ctx, input }) => (await assertTenantExists(input.tenantId), previewIpAccess(input.tenantId, input.ip, ctx.ip))),
});

export const securityPolicyRouter = router({ tenant: tenantRouter, ops: opsRouter });
