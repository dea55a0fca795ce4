import { z } from "zod";
import { ZIdempotencyKey } from "@/server/billing/orders/create-order.types";
import { say, type Localized } from "@/server/shared/errors";
import { textOf5To500, ZInstant } from "../admin-fields";
import { DESCRIPTION_MESSAGE } from "./maintenance-rules";

// Shapes only: the times' order, length, overlap and "not in the past" are the use case's
// (maintenanceProblems), so their refusals say what is wrong in both languages.

export const ZScheduleMaintenanceRequest = z.object({
  startsAt: ZInstant,
  endsAt: ZInstant,
  description: textOf5To500(DESCRIPTION_MESSAGE.en),
  idempotencyKey: ZIdempotencyKey,
});
export type TScheduleMaintenanceRequest = z.infer<typeof ZScheduleMaintenanceRequest>;

export const CANCEL_REASON_MESSAGE = say("Give a reason of 5 to 500 characters: it is kept in the operation log", "请填写 5 到 500 个字符的原因：它会记入操作日志");

export const ZMaintenanceId = z.string({ message: "Choose a maintenance window" }).trim().min(1, "Choose a maintenance window").max(191, "Not a maintenance window id");

export const ZCancelMaintenanceRequest = z.object({ id: ZMaintenanceId, reason: textOf5To500(CANCEL_REASON_MESSAGE.en) });
export type TCancelMaintenanceRequest = z.infer<typeof ZCancelMaintenanceRequest>;

export const ZListMaintenanceRequest = z.object({
  /** Windows that end after `from` and start before `to`. */
  from: ZInstant.optional(),
  to: ZInstant.optional(),
  includeCancelled: z.boolean({ message: "includeCancelled is true or false" }).default(false),
});
export type TListMaintenanceRequest = z.infer<typeof ZListMaintenanceRequest>;

// publishAt is nullable in the table (drafts); a window's announcement always has one.
export type AnnouncementView = { id: string; title: string; body: string; level: string; audience: string; publishAt: Date | null; takeDownAt: Date | null };

export type MaintenanceView = {
  id: string;
  startsAt: Date;
  endsAt: Date;
  description: string;
  status: "scheduled" | "cancelled";
  announcedAt: Date;
  cancelledAt: Date | null;
  createdById: string | null;
  /** Announced at least SLA_MAINTENANCE_NOTICE_HOURS ahead (and not cancelled): its minutes are excluded. */
  excludedFromSla: boolean;
  noticeHours: number;
  announcement: AnnouncementView | null;
};

export type ScheduleMaintenanceResult = {
  window: MaintenanceView;
  /** False when the request id was seen before: the first window is returned and nothing is written. */
  created: boolean;
  /** Set when announced too late to be excluded: scheduled anyway, its minutes count. */
  warning: Localized | null;
};
