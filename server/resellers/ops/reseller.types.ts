import { z } from "zod";
import { ZIdempotencyKey } from "@/server/billing/orders/create-order.types";
import { LOGO_MAX_URL_LENGTH } from "./logo-rules";

// Shapes only; the logo's content and the tree's depth are the use cases' rules (logo-rules.ts,
// tree-rules.ts), so their refusals explain what is wrong in both languages.

export const ZResellerId = z.string({ message: "Choose a reseller" }).trim().min(1, "Choose a reseller").max(191, "Not a reseller id");
export const ZUserId = z.string({ message: "Choose a staff account" }).trim().min(1, "Choose a staff account").max(191, "Not a staff account id");
export const ZCompanyName = z.string({ message: "Enter the company name" }).trim().min(2, "The company name needs 2 to 120 characters").max(120, "The company name needs 2 to 120 characters");
export const ZPersonName = z.string({ message: "Enter a name" }).trim().min(1, "Enter a name").max(80, "At most 80 characters");
export const ZPhone = z
  .string({ message: "Enter a phone number" })
  .trim()
  .min(5, "Enter a phone number of 5 to 40 characters")
  .max(40, "Enter a phone number of 5 to 40 characters")
  .regex(/^\+?[0-9][0-9 ()\-–]*(?:(?:ext\.?|转|#)\s*[0-9]+)?$/i, "Use digits, spaces, +, - and brackets only");
export const ZEmail = z.string({ message: "Enter an e-mail address" }).trim().toLowerCase().max(254, "At most 254 characters").email("Enter a valid e-mail address");
/** A data: URL (checked by logoProblem); null removes the logo. */
export const ZLogo = z.string({ message: "Upload an image" }).max(LOGO_MAX_URL_LENGTH, "The logo is larger than 200 KB; use a smaller image").nullable();
export const ZServiceHours = z.string().trim().max(120, "At most 120 characters").transform((s) => (s === "" ? null : s)).nullable();
export const ZDiscountBps = z.number({ message: "The discount must be a number" }).int("The discount is in whole basis points").min(0, "The discount is 0 % to 100 %").max(10_000, "The discount is 0 % to 100 %");
export const ZCreditLimit = z
  .number({ message: "The credit limit must be a number of fen" })
  .int("The credit limit is a whole number of fen")
  .min(0, "The credit limit cannot be negative")
  .max(Number.MAX_SAFE_INTEGER, "The credit limit is too large");
export const ZResellerStatus = z.enum(["active", "suspended"], { message: "The status is active or suspended" });

export const ZStaffInput = z.object({ name: ZPersonName, email: ZEmail });

/** The contact card a reseller shows its clients. */
export const ZContactCard = z.object({
  contactName: ZPersonName,
  contactPhone: ZPhone,
  contactEmail: ZEmail,
  logo: ZLogo.optional(),
  serviceHours: ZServiceHours.optional(),
});

export const ZCreateResellerRequest = ZContactCard.extend({
  name: ZCompanyName,
  parentId: ZResellerId.nullish(),
  discountBps: ZDiscountBps.default(0),
  creditLimit: ZCreditLimit.default(0),
  staff: ZStaffInput,
  idempotencyKey: ZIdempotencyKey,
});
export type TCreateResellerRequest = z.infer<typeof ZCreateResellerRequest>;

/** Card edits: absent fields are kept; `logo: null` removes the logo. */
export const ZCardPatch = ZContactCard.partial();
export type TCardPatch = z.infer<typeof ZCardPatch>;

export const ZUpdateResellerRequest = ZCardPatch.extend({
  resellerId: ZResellerId,
  name: ZCompanyName.optional(),
  status: ZResellerStatus.optional(),
  /** null: make it top-level; absent: keep. */
  parentId: ZResellerId.nullable().optional(),
});
export type TUpdateResellerRequest = z.infer<typeof ZUpdateResellerRequest>;

export const ZListResellersRequest = z
  .object({
    search: z.string().trim().max(120, "At most 120 characters").optional(),
    status: ZResellerStatus.optional(),
    parentId: ZResellerId.optional(),
  })
  .default({});
export type TListResellersRequest = z.infer<typeof ZListResellersRequest>;

export const ZResellerIdRequest = z.object({ resellerId: ZResellerId });
export const ZAddStaffRequest = ZStaffInput.extend({ resellerId: ZResellerId, idempotencyKey: ZIdempotencyKey });
export type TAddStaffRequest = z.infer<typeof ZAddStaffRequest>;
export const ZStaffUserRequest = z.object({ userId: ZUserId });

export type ResellerStatus = z.infer<typeof ZResellerStatus>;

export type ResellerRow = {
  id: string;
  name: string;
  parentId: string | null;
  parentName: string | null;
  status: ResellerStatus;
  contactName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  clientCount: number;
  subResellerCount: number;
  staffCount: number;
  discountBps: number;
  creditLimit: number;
  createdAt: Date;
};

export type StaffView = {
  id: string;
  name: string;
  email: string;
  status: "active" | "disabled" | "invited";
  lastLoginAt: Date | null;
  /** When the newest unused invitation link stops working; null when none is pending. */
  invitationExpiresAt: Date | null;
};

export type ResellerCard = {
  id: string;
  name: string;
  contactName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  logo: string | null;
  serviceHours: string | null;
};

export type ResellerDetail = ResellerRow & {
  logo: string | null;
  serviceHours: string | null;
  currency: string;
  parent: { id: string; name: string; status: ResellerStatus } | null;
  children: { id: string; name: string; status: ResellerStatus; clientCount: number }[];
  staff: StaffView[];
};

/** A created account and whether its invitation e-mail left (false: resend it from the staff list). */
export type InvitedStaff = { user: StaffView; invitationSent: boolean };
