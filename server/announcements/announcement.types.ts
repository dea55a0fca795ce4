import { z } from "zod";
import { ZIdempotencyKey } from "@/server/billing/orders/create-order.types";
import { ZInstant } from "@/server/sla/admin-fields";
import { ANNOUNCEMENT_STATES, type AnnouncementState } from "./announcement-rules";

// Shapes only: lengths, the body's sanitising, the times' order and the audience's targets are
// the use cases' (draftProblems, checkAudience), so their refusals say what is wrong in both languages.

export const LEVELS = ["notice", "maintenance", "urgent"] as const;
export type Level = (typeof LEVELS)[number];

/** Who each kind of publisher may address (see audience-where.ts for who reads what). */
export const AUDIENCES = {
  platform: ["all", "tenants", "resellers", "reseller_clients", "chosen_tenants"],
  reseller: ["all", "chosen_tenants"],
  tenant: ["all", "departments"],
} as const;
export type Scope = keyof typeof AUDIENCES;
export const ALL_AUDIENCES = ["all", "tenants", "resellers", "reseller_clients", "chosen_tenants", "departments"] as const;

const ZId = z.string().trim().min(1).max(191);

export const ZAnnouncementInput = z.object({
  title: z.string({ message: "Give a title" }).max(1000, "Give a title of 1 to 200 characters"),
  // Generous: the sanitised length (≤ 20,000) is what counts, and pasted HTML shrinks.
  body: z.string({ message: "Write the announcement's text" }).max(200_000, "The text is too long"),
  level: z.enum(LEVELS, { message: "Choose notice, maintenance or urgent" }),
  audience: z.enum(ALL_AUDIENCES, { message: "Choose who reads it" }),
  audienceResellerId: ZId.nullish(),
  targetIds: z.array(ZId).max(500, "Choose at most 500").default([]),
  /** null with publishNow false: a draft. */
  publishAt: ZInstant.nullish(),
  publishNow: z.boolean().default(false),
  takeDownAt: ZInstant.nullish(),
});
export type TAnnouncementInput = z.infer<typeof ZAnnouncementInput>;

export const ZCreateAnnouncementRequest = ZAnnouncementInput.extend({ idempotencyKey: ZIdempotencyKey });
export type TCreateAnnouncementRequest = z.infer<typeof ZCreateAnnouncementRequest>;

export const ZAnnouncementId = z.object({ id: ZId });
export const ZUpdateAnnouncementRequest = ZAnnouncementInput.extend({ id: ZId });
export type TUpdateAnnouncementRequest = z.infer<typeof ZUpdateAnnouncementRequest>;

export const ZListAnnouncementsRequest = z.object({
  state: z.enum(ANNOUNCEMENT_STATES).optional(),
  level: z.enum(LEVELS).optional(),
  audience: z.enum(ALL_AUDIENCES).optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
});
export type TListAnnouncementsRequest = z.infer<typeof ZListAnnouncementsRequest>;

export const ZFeedCurrentRequest = z.object({ limit: z.number().int().min(1).max(50).default(5) }).default({ limit: 5 });
export const ZFeedHistoryRequest = z.object({ page: z.number().int().min(1).default(1), pageSize: z.number().int().min(1).max(100).default(20) }).default({ page: 1, pageSize: 20 });

export type TargetView = { id: string; name: string };

/** An announcement as its publisher manages it. */
export type ManagedAnnouncement = {
  id: string;
  scope: Scope;
  title: string;
  body: string;
  level: Level;
  audience: string;
  audienceReseller: TargetView | null;
  targets: TargetView[];
  publishAt: Date | null;
  takeDownAt: Date | null;
  state: AnnouncementState;
  /** Created by a maintenance window: managed there (cancel the window to take it down). */
  maintenance: boolean;
  readCount: number;
  createdAt: Date;
  updatedAt: Date;
};

/** An announcement as a reader sees it on a home or in the history. */
export type FeedAnnouncement = {
  id: string;
  from: Scope;
  title: string;
  body: string;
  level: Level;
  publishAt: Date;
  takeDownAt: Date | null;
  state: "current" | "ended";
  read: boolean;
};
