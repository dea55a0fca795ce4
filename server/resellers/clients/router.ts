import { router } from "@/server/trpc/init";
import { resellerProcedure } from "@/server/trpc/procedures";
import { actorOf } from "@/server/trpc/context";
import { ZClientTenantRequest } from "./client.types";
import { createClient } from "./create-client";
import { ZCreateClientRequest } from "./create-client.types";
import { getClient } from "./get-client";
import { listClients } from "./list-clients";
import { ZListClientsRequest } from "./list-clients.types";
import { resendInvitation } from "./resend-invitation";

// A reseller's client tenants: the dashboard, a client's header, opening a client and inviting
// its admin again. Every tenant id goes through assertResellerOwnsTenant (NOT_FOUND outside the
// tree). The CSV export is a file route: app/api/resellers/clients/export (download-clients-csv.ts).
export const clientsRouter = router({
  list: resellerProcedure.input(ZListClientsRequest).query(({ ctx, input }) => listClients(ctx.resellerId, input)),
  get: resellerProcedure.input(ZClientTenantRequest).query(({ ctx, input }) => getClient(ctx.resellerId, input.tenantId)),
  create: resellerProcedure.input(ZCreateClientRequest).mutation(({ ctx, input }) => createClient(actorOf(ctx), ctx.resellerId, input)),
  resendInvitation: resellerProcedure.input(ZClientTenantRequest).mutation(({ ctx, input }) => resendInvitation(actorOf(ctx), ctx.resellerId, input.tenantId)),
});
