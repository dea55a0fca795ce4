import { z } from "zod";
import type { ResellerLedgerKind, Role } from "@/server/generated/prisma/client.ts";
import { ZIdempotencyKey, ZSeats } from "@/server/billing/orders/create-order.types";
import { ZMonth, ZPaging, ZTenantId } from "@/server/billing/ledger/list-ledger-entries.types";

export const RESELLER_LEDGER_KINDS = ["wholesale_charge", "margin_credit", "override_credit", "payment", "adjustment"] as const satisfies readonly ResellerLedgerKind[];

/** Reseller books are kept in calendar months of Asia/Shanghai, like the tenants' default statements. */
export const RESELLER_TIME_ZONE = "Asia/Shanghai";

export const ZResellerId = z.string({ message: "Choose a reseller" }).trim().min(1, "Choose a reseller").max(191, "Not a reseller id");
export const ZResellerIdRequest = z.object({ resellerId: ZResellerId });

/** A reseller's own ledger: its own entries only (a sub-reseller's books are its own). */
export const ZResellerLedgerRequest = ZPaging.extend({
  kind: z.enum(RESELLER_LEDGER_KINDS, { message: `The kind must be one of ${RESELLER_LEDGER_KINDS.join(", ")}` }).optional(),
  month: ZMonth.optional(),
  /** Entries about one client tenant. */
  tenantId: ZTenantId.optional(),
});
export type TResellerLedgerRequest = z.infer<typeof ZResellerLedgerRequest>;
export const ZOpsResellerLedgerRequest = ZResellerLedgerRequest.extend({ resellerId: ZResellerId });

export const ZResellerStatementRequest = z.object({ month: ZMonth });
export const ZOpsResellerStatementRequest = ZResellerStatementRequest.extend({ resellerId: ZResellerId });

const ZTermYears = z
  .number({ message: "The term must be a number of years" })
  .int("The term must be whole years")
  .min(1, "Prepay at least one year")
  .max(10, "The term can be at most 10 years");

/** The order form's quote: the client's price, the wholesale price and the credit left. */
export const ZQuoteOrderRequest = z.object({
  /** The client acted for: its owning reseller's prices and credit apply (a sub-reseller's, for its clients). */
  tenantId: ZTenantId.optional(),
  planId: z.string({ message: "Choose a plan" }).min(1, "Choose a plan").max(191),
  seats: ZSeats,
  termYears: ZTermYears,
});
export type TQuoteOrderRequest = z.infer<typeof ZQuoteOrderRequest>;

export const ZQuoteTopUpRequest = z.object({
  tenantId: ZTenantId,
  amount: z.number({ message: "The amount must be a number of fen" }),
});
export type TQuoteTopUpRequest = z.infer<typeof ZQuoteTopUpRequest>;

const ZFen = (what: string) => z.number({ message: `${what} must be a number of fen` });

export const ZSetPricingRequest = z.object({
  resellerId: ZResellerId,
  /** Basis points off the list price: 1500 = 15 %. Range checked in the use case (0–10000). */
  discountBps: z.number({ message: "The discount must be a number" }),
  /** Per-plan wholesale prices; null removes a plan's price (the discount applies again). Plans not listed keep theirs. */
  prices: z
    .array(z.object({ planId: z.string().min(1, "Choose a plan").max(191), pricePerSeatYear: ZFen("The wholesale price").nullable() }))
    .max(200, "At most 200 plans at once")
    .default([]),
});
export type TSetPricingRequest = z.infer<typeof ZSetPricingRequest>;

export const ZSetCreditLimitRequest = z.object({ resellerId: ZResellerId, creditLimit: ZFen("The credit limit") });
export type TSetCreditLimitRequest = z.infer<typeof ZSetCreditLimitRequest>;

export const REFERENCE_MESSAGE = "Give the payment's reference (1 to 100 characters), e.g. the bank's transaction number";
export const ZRecordResellerPaymentRequest = z.object({
  resellerId: ZResellerId,
  amount: ZFen("The amount"),
  reference: z.string({ message: REFERENCE_MESSAGE }).trim().min(1, REFERENCE_MESSAGE).max(100, REFERENCE_MESSAGE),
  note: z.string().trim().max(500, "The note can be at most 500 characters").optional(),
  idempotencyKey: ZIdempotencyKey,
});
export type TRecordResellerPaymentRequest = z.infer<typeof ZRecordResellerPaymentRequest>;

export const ADJUSTMENT_REASON_MESSAGE = "Give a reason of 5 to 500 characters: it is kept in the ledger and the operation log";
export const ZRecordResellerAdjustmentRequest = z.object({
  resellerId: ZResellerId,
  /** Signed fen: positive credits the reseller, negative adds to what it owes. */
  amount: ZFen("The amount"),
  reason: z.string({ message: ADJUSTMENT_REASON_MESSAGE }).trim().min(5, ADJUSTMENT_REASON_MESSAGE).max(500, ADJUSTMENT_REASON_MESSAGE),
  idempotencyKey: ZIdempotencyKey,
});
export type TRecordResellerAdjustmentRequest = z.infer<typeof ZRecordResellerAdjustmentRequest>;

export type ResellerEntryView = {
  id: string;
  kind: ResellerLedgerKind;
  /** Signed fen: negative adds to what the reseller owes. */
  amount: number;
  currency: string;
  tenantId: string | null;
  tenantName: string | null;
  orderId: string | null;
  reference: string | null;
  clientAmount: number | null;
  wholesaleAmount: number | null;
  marginAmount: number | null;
  note: string | null;
  actorRole: Role | null;
  occurredAt: Date;
};

/** A month's (or any period's) money, from the reseller's point of view. */
export type ResellerTotals = {
  /** What its clients were charged at the client's price (orders on account and paid by the clients). */
  clientPaid: number;
  /** The same orders at its wholesale price. */
  wholesale: number;
  /** Its earnings: client price − wholesale, plus overrides on its sub-resellers' sales. */
  margin: number;
  /** Wholesale charged to its account (orders paid on account): what it came to owe. */
  charged: number;
  /** Margin and override credits the platform owes it. */
  credited: number;
  /** What it paid the platform. */
  paid: number;
  /** Operators' corrections, signed. */
  adjustments: number;
};
