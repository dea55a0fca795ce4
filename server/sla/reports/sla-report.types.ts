import { z } from "zod";
import { ZCreditId } from "../credits/decide-credit.types";
import type { CreditView } from "../credits/decide-credit.types";

export const MONTH_MESSAGE = "The month must be YYYY-MM, e.g. 2026-11";
export const ZMonth = z.string({ message: MONTH_MESSAGE }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, MONTH_MESSAGE);
export const ZTenantId = z.string({ message: "A tenant id is required" }).trim().min(1, "A tenant id is required").max(191, "That is not a tenant id");

/** The customer's own report: no tenant id (it is the caller's). */
export const ZSlaReportRequest = z.object({ month: ZMonth });
export const ZOpsSlaReportRequest = z.object({ tenantId: ZTenantId, month: ZMonth });
export const ZOpsTenantRequest = z.object({ tenantId: ZTenantId });
export const ZCloseMonthRequest = z.object({ month: ZMonth });

export const ZListSlaMonthsRequest = z.object({
  month: ZMonth,
  status: z.enum(["met", "breached", "no_evidence"], { message: "status is met, breached or no_evidence" }).optional(),
  sort: z.enum(["worst", "breaches"], { message: "sort is worst or breaches" }).default("worst"),
  page: z.number({ message: "page must be a number" }).int("page must be a whole number").min(1, "page starts at 1").max(10_000, "page is at most 10,000").default(1),
  pageSize: z.number({ message: "pageSize must be a number" }).int("pageSize must be a whole number").min(1, "pageSize is 1 to 200").max(200, "pageSize is 1 to 200").default(50),
});
export type TListSlaMonthsRequest = z.infer<typeof ZListSlaMonthsRequest>;

export const ZListCreditsRequest = z.object({
  status: z.enum(["proposed", "approved", "rejected"], { message: "status is proposed, approved or rejected" }).default("proposed"),
  month: ZMonth.optional(),
  page: ZListSlaMonthsRequest.shape.page,
  pageSize: ZListSlaMonthsRequest.shape.pageSize,
});
export type TListCreditsRequest = z.infer<typeof ZListCreditsRequest>;

export const ZCreditRequest = z.object({ creditId: ZCreditId });

export type BreachView = { promise: string; measured: string; target: string; evidence: unknown };

export type SlaReport =
  | { month: string; closed: false }
  | {
      month: string;
      closed: true;
      tenantId: string;
      tenantName: string;
      status: "met" | "breached" | "no_evidence";
      figures: unknown;
      breaches: BreachView[];
      credit: CreditView | null;
      /** The sealed day digest covering the month's evidence (hex), for `npm run sla:verify`. */
      digest: string | null;
      computedAt: Date;
    };

export type SlaMonthRow = {
  tenantId: string;
  tenantName: string;
  status: "met" | "breached" | "no_evidence";
  availabilityPpm: number | null;
  interruptionMinutes: number;
  breaches: number;
  credit: { id: string; status: string; amount: number } | null;
};

export type Page<T> = { rows: T[]; total: number; page: number; pageSize: number };
