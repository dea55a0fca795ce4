import { router } from "@/server/trpc/init";
import { opsResellersRouter } from "./ops/router";
import { selfResellerRouter } from "./self/router";
import { clientsRouter } from "./clients/router";
import { opsClientsRouter } from "./clients/ops-router";
import { resellerAccountRouter } from "./account/router";
import { opsAccountsRouter } from "./account/ops-router";

// Resellers: operators manage them (ops), a reseller its own card, staff and sub-resellers (self)
// and its client tenants (clients); the money between a reseller and the platform (account).
// Acting for a client (orders, domains, SLA) goes through the client's own procedures
// (clientProcedure with the x-acting-tenant header), not through this router.
export const resellersRouter = router({
  ops: opsResellersRouter,
  self: selfResellerRouter,
  clients: clientsRouter,
  clientsOps: opsClientsRouter,
  account: resellerAccountRouter,
  accountsOps: opsAccountsRouter,
});
