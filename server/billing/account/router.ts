import { z } from "zod";
import { router } from "@/server/trpc/init";
import { clientProcedure } from "@/server/trpc/procedures";
import { actorOf } from "@/server/trpc/context";
import { getBillingOverview } from "./get-billing-overview";
import { previewTopUp } from "./preview-top-up";
import { createOrder } from "../orders/create-order";
import { createTopUp } from "../orders/create-top-up";
import { cancelOrder } from "../orders/cancel-order";
import { listOrders } from "../orders/list-orders";
import { ZCreateOrderRequest, ZCreateTopUpRequest, ZOrderIdRequest } from "../orders/create-order.types";
import { previewResizeFor } from "../resize/preview-resize";
import { scheduleResize } from "../resize/schedule-resize";
import { cancelResize } from "../resize/cancel-resize";
import { ZCancelResizeRequest, ZPreviewResizeRequest, ZScheduleResizeRequest } from "../resize/resize.types";
import { checkSeats } from "../rules/seat-tiers";

// The customer's own billing: every procedure works on ctx.tenantId and takes no tenant id.
export const accountRouter = router({
  overview: clientProcedure.query(({ ctx }) => getBillingOverview(ctx.tenantId)),
  orders: clientProcedure.query(({ ctx }) => listOrders(ctx.tenantId)),
  /** The seat-tier rule for the picker: allowed or the nearest allowed counts. */
  checkSeats: clientProcedure.input(z.object({ seats: z.number() })).query(({ input }) => checkSeats(input.seats)),
  createOrder: clientProcedure.input(ZCreateOrderRequest).mutation(({ ctx, input }) => createOrder(actorOf(ctx), ctx.tenantId, input)),
  previewTopUp: clientProcedure.input(z.object({ amount: z.number() })).query(({ ctx, input }) => previewTopUp(ctx.tenantId, input.amount)),
  createTopUp: clientProcedure.input(ZCreateTopUpRequest).mutation(({ ctx, input }) => createTopUp(actorOf(ctx), ctx.tenantId, input)),
  cancelOrder: clientProcedure.input(ZOrderIdRequest).mutation(({ ctx, input }) => cancelOrder(actorOf(ctx), ctx.tenantId, input.orderId)),
  previewResize: clientProcedure.input(ZPreviewResizeRequest).query(({ ctx, input }) => previewResizeFor(ctx.tenantId, input)),
  scheduleResize: clientProcedure.input(ZScheduleResizeRequest).mutation(({ ctx, input }) => scheduleResize(actorOf(ctx), ctx.tenantId, input)),
  cancelResize: clientProcedure.input(ZCancelResizeRequest).mutation(({ ctx, input }) => cancelResize(actorOf(ctx), ctx.tenantId, input.resizeId)),
});
