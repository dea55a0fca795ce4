import { router } from "@/server/trpc/init";
import { customerProcedure, operatorProcedure } from "@/server/trpc/procedures";
import { actorOf } from "@/server/trpc/context";
import { getBalanceReminder } from "./get-balance-reminder";
import { restoreTenant } from "./restore-tenant";
import { suspendTenant } from "./suspend-tenant";
import { terminateTenant } from "./terminate-tenant";
import { unsuspendTenant } from "./unsuspend-tenant";
import { ZTenantActionRequest } from "./tenant-action.types";

// Operators move a tenant through its lifecycle; a customer reads its own balance banner.
export const lifecycleRouter = router({
  suspend: operatorProcedure.input(ZTenantActionRequest).mutation(({ ctx, input }) => suspendTenant(actorOf(ctx), input)),
  unsuspend: operatorProcedure.input(ZTenantActionRequest).mutation(({ ctx, input }) => unsuspendTenant(actorOf(ctx), input)),
  terminate: operatorProcedure.input(ZTenantActionRequest).mutation(({ ctx, input }) => terminateTenant(actorOf(ctx), input)),
  restore: operatorProcedure.input(ZTenantActionRequest).mutation(({ ctx, input }) => restoreTenant(actorOf(ctx), input)),
  reminder: customerProcedure.query(({ ctx }) => getBalanceReminder(ctx.tenantId)),
});
