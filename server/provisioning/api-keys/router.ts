import { router } from "@/server/trpc/init";
import { operatorProcedure, resellerProcedure } from "@/server/trpc/procedures";
import { actorOf } from "@/server/trpc/context";
import { ZApiKeyIdRequest, ZCreateApiKeyRequest, ZUpdateApiKeyRequest, type KeyOwner } from "./api-key.types";
import { createApiKey } from "./create-api-key";
import { listApiKeys } from "./list-api-keys";
import { revokeApiKey } from "./revoke-api-key";
import { updateApiKey } from "./update-api-key";

const PLATFORM: KeyOwner = { kind: "operator" };
const resellerOwner = (resellerId: string): KeyOwner => ({ kind: "reseller", resellerId });

// API keys of the provisioning API (issue 12). Operators create platform-wide keys and see,
// change and revoke every key (a leaked reseller key can be stopped); a reseller manages its own.
export const apiKeysRouter = router({
  operator: router({
    list: operatorProcedure.query(() => listApiKeys(PLATFORM)),
    create: operatorProcedure.input(ZCreateApiKeyRequest).mutation(({ ctx, input }) => createApiKey({ ...actorOf(ctx), id: ctx.user.id }, PLATFORM, input)),
    update: operatorProcedure.input(ZUpdateApiKeyRequest).mutation(({ ctx, input }) => updateApiKey(actorOf(ctx), PLATFORM, input)),
    revoke: operatorProcedure.input(ZApiKeyIdRequest).mutation(({ ctx, input }) => revokeApiKey(actorOf(ctx), PLATFORM, input.apiKeyId)),
  }),
  reseller: router({
    list: resellerProcedure.query(({ ctx }) => listApiKeys(resellerOwner(ctx.resellerId))),
    create: resellerProcedure
      .input(ZCreateApiKeyRequest)
      .mutation(({ ctx, input }) => createApiKey({ ...actorOf(ctx), id: ctx.user.id }, resellerOwner(ctx.resellerId), input)),
    update: resellerProcedure.input(ZUpdateApiKeyRequest).mutation(({ ctx, input }) => updateApiKey(actorOf(ctx), resellerOwner(ctx.resellerId), input)),
    revoke: resellerProcedure.input(ZApiKeyIdRequest).mutation(({ ctx, input }) => revokeApiKey(actorOf(ctx), resellerOwner(ctx.resellerId), input.apiKeyId)),
  }),
});
