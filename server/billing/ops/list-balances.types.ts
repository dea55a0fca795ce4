import { z } from "zod";
import { ZPaging } from "../ledger/list-ledger-entries.types";
import type { LockedTenant } from "../ledger/lock-tenant";
import type { TenantBillingState } from "./load-billing-states";

export const BALANCE_SORTS = ["name", "balance", "daysLeft"] as const;

export const ZListBalancesRequest = ZPaging.extend({
  /** Part of the tenant's name, any case. */
  search: z.string({ message: "Search for part of a tenant's name" }).trim().max(120, "Search for at most 120 characters").optional(),
  sort: z.enum(BALANCE_SORTS, { message: `Sort by one of ${BALANCE_SORTS.join(", ")}` }).default("name"),
  direction: z.enum(["asc", "desc"], { message: "The direction is asc or desc" }).default("asc"),
});
export type TListBalancesRequest = z.infer<typeof ZListBalancesRequest>;

/** The tenant columns of the operators' lists (same types as the locked row the use cases read). */
export type TenantSummary = { tenantId: string } & Pick<LockedTenant, "name" | "status" | "suspendedReason" | "timeZone">;

export type BalanceRow = TenantSummary & TenantBillingState;

export type TListBalancesResponse = { rows: BalanceRow[]; total: number; page: number; pageSize: number };
