import { router } from "@/server/trpc/init";
import { operatorProcedure } from "@/server/trpc/procedures";
import { actorOf } from "@/server/trpc/context";
import { listResellerClients } from "./list-reseller-clients";
import { moveTenant } from "./move-tenant";
import { ZMoveTenantRequest, ZResellerClientsRequest, ZSearchTenantsRequest } from "./move-tenant.types";
import { listMoveTargets, searchTenants } from "./search-move-options";

// Operators: a reseller's clients (the ops reseller page's Clients tab) and moving a tenant
// between resellers, or to and from the platform's direct customers.
export const opsClientsRouter = router({
  listTenants: operatorProcedure.input(ZResellerClientsRequest).query(({ input }) => listResellerClients(input.resellerId)),
  searchTenants: operatorProcedure.input(ZSearchTenantsRequest).query(({ input }) => searchTenants(input.search)),
  moveTargets: operatorProcedure.input(ZSearchTenantsRequest).query(({ input }) => listMoveTargets(input.search)),
  moveTenant: operatorProcedure.input(ZMoveTenantRequest).mutation(({ ctx, input }) => moveTenant(actorOf(ctx), input)),
});
