import { router } from "@/server/trpc/init";
import { resellerProcedure } from "@/server/trpc/procedures";
import { actorOf } from "@/server/trpc/context";
import { addStaff } from "../ops/add-staff";
import { resendInvitation, setStaffEnabled, type StaffScope } from "../ops/manage-staff";
import { ZStaffUserRequest } from "../ops/reseller.types";
import { listStaff } from "../ops/reseller-view";
import { updateReseller } from "../ops/update-reseller";
import { createSubReseller } from "./create-sub-reseller";
import { getMyReseller } from "./get-my-reseller";
import { listSubResellers } from "./list-sub-resellers";
import { ZCreateSubResellerRequest, ZSelfAddStaffRequest, ZUpdateOwnCardRequest, ZUpdateSubResellerRequest } from "./self.types";

// A reseller's own account. Every id is checked against ctx.resellerId: another reseller's
// staff, a sibling or a parent is NOT_FOUND. Writes are refused while the reseller (or its
// parent) is suspended.
const own = (resellerId: string): StaffScope => ({ resellerId, invitedBy: (r) => r.name });

export const selfResellerRouter = router({
  me: resellerProcedure.query(({ ctx }) => getMyReseller(ctx.resellerId)),
  updateCard: resellerProcedure
    .input(ZUpdateOwnCardRequest)
    .mutation(({ ctx, input }) => updateReseller(actorOf(ctx), { ...input, resellerId: ctx.resellerId }, { writer: ctx.resellerId })),
  staff: resellerProcedure.query(({ ctx }) => listStaff(ctx.resellerId)),
  addStaff: resellerProcedure
    .input(ZSelfAddStaffRequest)
    .mutation(({ ctx, input }) => addStaff(actorOf(ctx), { ...input, resellerId: ctx.resellerId }, { selfService: true, invitedBy: own(ctx.resellerId).invitedBy })),
  resendInvitation: resellerProcedure.input(ZStaffUserRequest).mutation(({ ctx, input }) => resendInvitation(actorOf(ctx), input.userId, own(ctx.resellerId))),
  disableStaff: resellerProcedure.input(ZStaffUserRequest).mutation(({ ctx, input }) => setStaffEnabled(actorOf(ctx), input.userId, false, own(ctx.resellerId))),
  enableStaff: resellerProcedure.input(ZStaffUserRequest).mutation(({ ctx, input }) => setStaffEnabled(actorOf(ctx), input.userId, true, own(ctx.resellerId))),
  subResellers: resellerProcedure.query(({ ctx }) => listSubResellers(ctx.resellerId)),
  createSubReseller: resellerProcedure.input(ZCreateSubResellerRequest).mutation(({ ctx, input }) => createSubReseller(actorOf(ctx), ctx.resellerId, input)),
  updateSubReseller: resellerProcedure
    .input(ZUpdateSubResellerRequest)
    .mutation(({ ctx, input }) => updateReseller(actorOf(ctx), input, { childOf: ctx.resellerId, writer: ctx.resellerId })),
});
