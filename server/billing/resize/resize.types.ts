import { z } from "zod";
import { ZIdempotencyKey, ZSeats } from "../orders/create-order.types";

export const ZPreviewResizeRequest = z.object({
  planId: z.string().min(1, "Choose a plan").max(191),
  seats: ZSeats,
});
export type TPreviewResizeRequest = z.infer<typeof ZPreviewResizeRequest>;

export const ZScheduleResizeRequest = ZPreviewResizeRequest.extend({ idempotencyKey: ZIdempotencyKey });
export type TScheduleResizeRequest = z.infer<typeof ZScheduleResizeRequest>;

export const ZCancelResizeRequest = z.object({ resizeId: z.string().min(1).max(191) });
