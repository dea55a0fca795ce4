import { z } from "zod";
import { ZIdempotencyKey } from "@/server/billing/orders/create-order.types";
import { ZCardPatch, ZCompanyName, ZContactCard, ZResellerId, ZStaffInput, type ResellerCard, type ResellerStatus } from "../ops/reseller.types";

// A reseller's own staff: its card (the company name stays the operator's), its staff and its
// sub-resellers. Ids are checked against ctx.resellerId by the use cases.

export const ZUpdateOwnCardRequest = ZCardPatch;

export const ZSelfAddStaffRequest = ZStaffInput.extend({ idempotencyKey: ZIdempotencyKey });

export const ZCreateSubResellerRequest = ZContactCard.extend({ name: ZCompanyName, staff: ZStaffInput, idempotencyKey: ZIdempotencyKey });
export type TCreateSubResellerRequest = z.infer<typeof ZCreateSubResellerRequest>;

// No status here: suspending and reactivating are the platform's (a parent could otherwise lift
// an operator's suspension of its sub-reseller).
export const ZUpdateSubResellerRequest = ZCardPatch.extend({ resellerId: ZResellerId, name: ZCompanyName.optional() });

export type MyReseller = ResellerCard & {
  status: ResellerStatus;
  /** Its own status, or suspended when its parent is. */
  effectiveStatus: ResellerStatus;
  parentName: string | null;
  /** Top-level resellers only. */
  mayHaveSubResellers: boolean;
  discountBps: number;
  creditLimit: number;
  currency: string;
};
