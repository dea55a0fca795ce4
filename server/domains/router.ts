import { router } from "@/server/trpc/init";
import { clientProcedure, operatorProcedure } from "@/server/trpc/procedures";
import { actorOf } from "@/server/trpc/context";
import { addAliasDomain } from "./add-alias-domain";
import { ZAddAliasDomainRequest } from "./add-alias-domain.types";
import { addDomain } from "./add-domain";
import { checkDomainNow } from "./check/check-domain-now";
import { getDomainRecords } from "./check/get-domain-records";
import { listMxWarnings } from "./check/list-mx-warnings";
import { publishDomainToSandbox } from "./check/publish-domain-to-sandbox";
import { ZAddDomainRequest } from "./add-domain.types";
import { retireDkimKey } from "./dkim/retire-dkim-key";
import { rotateDkimKey } from "./dkim/rotate-dkim-key";
import { ZRetireDkimKeyRequest, ZRotateDkimKeyRequest } from "./dkim/rotate-dkim-key.types";
import { getDomain } from "./get-domain";
import { ZDomainIdRequest } from "./get-domain.types";
import { listAllDomains } from "./list-all-domains";
import { ZListAllDomainsRequest } from "./list-all-domains.types";
import { listDomains } from "./list-domains";
import { removeDomain } from "./remove-domain";
import { ZRemoveDomainRequest } from "./remove-domain.types";

// Customers bind and remove their domains and rotate DKIM keys; every id they pass is looked up
// within ctx.tenantId, so another tenant's domain is NOT_FOUND. Operators list every domain and
// retire old DKIM keys. Views carry public keys only, never a private key. The DNS wizard's
// procedures (records, checkNow, publishToSandbox, mxWarnings) live in check/.
export const domainsRouter = router({
  list: clientProcedure.query(({ ctx }) => listDomains(ctx.tenantId)),
  get: clientProcedure.input(ZDomainIdRequest).query(({ ctx, input }) => getDomain(ctx.tenantId, input.domainId)),
  add: clientProcedure.input(ZAddDomainRequest).mutation(({ ctx, input }) => addDomain(actorOf(ctx), ctx.tenantId, input)),
  addAlias: clientProcedure.input(ZAddAliasDomainRequest).mutation(({ ctx, input }) => addAliasDomain(actorOf(ctx), ctx.tenantId, input)),
  remove: clientProcedure.input(ZRemoveDomainRequest).mutation(({ ctx, input }) => removeDomain(actorOf(ctx), ctx.tenantId, input)),
  rotateDkim: clientProcedure.input(ZRotateDkimKeyRequest).mutation(({ ctx, input }) => rotateDkimKey(actorOf(ctx), ctx.tenantId, input)),
  records: clientProcedure.input(ZDomainIdRequest).query(({ ctx, input }) => getDomainRecords(ctx.tenantId, input.domainId)),
  checkNow: clientProcedure.input(ZDomainIdRequest).mutation(({ ctx, input }) => checkDomainNow(actorOf(ctx), ctx.tenantId, input.domainId)),
  publishToSandbox: clientProcedure
    .input(ZDomainIdRequest)
    .mutation(({ ctx, input }) => publishDomainToSandbox(actorOf(ctx), ctx.tenantId, input.domainId)),
  mxWarnings: clientProcedure.query(({ ctx }) => listMxWarnings(ctx.tenantId)),
  all: operatorProcedure.input(ZListAllDomainsRequest).query(({ input }) => listAllDomains(input)),
  retireDkim: operatorProcedure.input(ZRetireDkimKeyRequest).mutation(({ ctx, input }) => retireDkimKey(actorOf(ctx), input)),
});
