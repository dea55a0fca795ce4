import { z } from "zod";
import { ZPaging } from "../ledger/list-ledger-entries.types";
import type { LockedTenant } from "../ledger/lock-tenant";
import type { TenantLifecycleView } from "../lifecycle/tenant-lifecycle-view";
import type { TenantBillingState } from "./load-billing-states";

export const BALANCE_SORTS = ["name", "balance", "daysLeft"] as const;

export const ZListBalancesRequest = ZPaging.extend({
  /** Part of the tenant's name, any case. */
  search: z.string({ message: "Search for part of a tenant's name" }).trim().max(120, "Search for at most 120 characters").optional(),
  sort: z.enum(BALANCE_SORTS, { message: `Sort by one of ${BALANCE_SORTS.join(", ")}` }).default("name"),
  direction: z.enum(["asc", "desc"], { message: "The direction is asc or desc" }).default("asc"),
});
export type TListBalancesRequest = z.infer<typeof ZListBalancesRequest>;

/**
 * The tenant columns of the operators' lists (same types as the locked row the use cases read),
 * with the end of a terminated tenant's frozen period and when it was purged: a purged tenant
 * keeps status frozen, and only purgedAt tells it cannot be restored.
 */
export type TenantSummary = { tenantId: string } & Pick<LockedTenant, "name" | "status" | "suspendedReason" | "timeZone"> &
  Pick<TenantLifecycleView, "frozenUntil" | "purgedAt">;

export type BalanceRow = TenantSummary & TenantBillingState;

export type TListBalancesResponse = { rows: BalanceRow[]; total: number; page: number; pageSize: number };
