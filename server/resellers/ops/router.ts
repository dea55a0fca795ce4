import { env } from "@/server/shared/env";
import { router } from "@/server/trpc/init";
import { operatorProcedure } from "@/server/trpc/procedures";
import { actorOf } from "@/server/trpc/context";
import { addStaff } from "./add-staff";
import { createReseller } from "./create-reseller";
import { getReseller } from "./get-reseller";
import { listResellers } from "./list-resellers";
import { resendInvitation, setStaffEnabled, type StaffScope } from "./manage-staff";
import { ZAddStaffRequest, ZCreateResellerRequest, ZListResellersRequest, ZResellerIdRequest, ZStaffUserRequest, ZUpdateResellerRequest } from "./reseller.types";
import { updateReseller } from "./update-reseller";

// Operators manage every reseller: the whole tree, cards, status, staff.
const OPERATOR: StaffScope = { resellerId: null, invitedBy: () => env().PLATFORM_NAME };

export const opsResellersRouter = router({
  list: operatorProcedure.input(ZListResellersRequest).query(({ input }) => listResellers(input)),
  get: operatorProcedure.input(ZResellerIdRequest).query(({ input }) => getReseller(input.resellerId)),
  create: operatorProcedure.input(ZCreateResellerRequest).mutation(({ ctx, input }) => createReseller(actorOf(ctx), input)),
  update: operatorProcedure.input(ZUpdateResellerRequest).mutation(({ ctx, input }) => updateReseller(actorOf(ctx), input)),
  addStaff: operatorProcedure.input(ZAddStaffRequest).mutation(({ ctx, input }) => addStaff(actorOf(ctx), input, OPERATOR)),
  resendInvitation: operatorProcedure.input(ZStaffUserRequest).mutation(({ ctx, input }) => resendInvitation(actorOf(ctx), input.userId, OPERATOR)),
  disableStaff: operatorProcedure.input(ZStaffUserRequest).mutation(({ ctx, input }) => setStaffEnabled(actorOf(ctx), input.userId, false, OPERATOR)),
  enableStaff: operatorProcedure.input(ZStaffUserRequest).mutation(({ ctx, input }) => setStaffEnabled(actorOf(ctx), input.userId, true, OPERATOR)),
});
