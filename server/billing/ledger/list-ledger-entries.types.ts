import { z } from "zod";
import type { LedgerKind, Role } from "@/server/generated/prisma/client.ts";
import { isMonth } from "../rules/months";

export const LEDGER_KINDS = ["payment", "monthly_charge", "refund", "sla_credit", "adjustment"] as const satisfies readonly LedgerKind[];

export const MONTH_FORMAT_MESSAGE = "Write the month as YYYY-MM, e.g. 2026-11";

/** A calendar month 'YYYY-MM' (years 2000–2200, as the billing rules accept). */
export const ZMonth = z.string({ message: MONTH_FORMAT_MESSAGE }).trim().refine(isMonth, MONTH_FORMAT_MESSAGE);

export const ZTenantId = z.string({ message: "Choose a tenant" }).trim().min(1, "Choose a tenant").max(191, "Not a tenant id");

export const MAX_LEDGER_PAGE_SIZE = 100;

/** Page number and size for the billing lists (ledger, balances, overdue). */
export const ZPaging = z.object({
  page: z.int({ message: "The page must be a whole number" }).min(1, "Pages start at 1").max(100_000, "At most page 100000").default(1),
  pageSize: z
    .int({ message: "The page size must be a whole number" })
    .min(1, "At least 1 row per page")
    .max(MAX_LEDGER_PAGE_SIZE, `At most ${MAX_LEDGER_PAGE_SIZE} rows per page`)
    .default(20),
});
export type TPaging = z.infer<typeof ZPaging>;

/** A customer's ledger request: no tenant field (an extra one is stripped; ctx.tenantId is used). */
export const ZListLedgerEntriesRequest = ZPaging.extend({
  kind: z.enum(LEDGER_KINDS, { message: `The kind must be one of ${LEDGER_KINDS.join(", ")}` }).optional(),
  /** Entries that occurred in this calendar month of the tenant's time zone. */
  month: ZMonth.optional(),
});
export type TListLedgerEntriesRequest = z.infer<typeof ZListLedgerEntriesRequest>;

/** An operator's ledger request: any tenant. */
export const ZOpsListLedgerEntriesRequest = ZListLedgerEntriesRequest.extend({ tenantId: ZTenantId });

/** One ledger entry as the UI shows it (the idempotency key and actor id stay on the server). */
export type LedgerEntryView = {
  id: string;
  kind: LedgerKind;
  /** Signed fen. */
  amount: number;
  currency: string;
  reference: string | null;
  billingMonth: string | null;
  note: string | null;
  actorRole: Role | null;
  occurredAt: Date;
};

export type TListLedgerEntriesResponse = {
  rows: LedgerEntryView[];
  total: number;
  page: number;
  pageSize: number;
  timeZone: string;
};
