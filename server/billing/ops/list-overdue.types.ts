import type { TPaging } from "../ledger/list-ledger-entries.types";
import type { TenantSummary } from "./list-balances.types";
import type { TenantBillingState } from "./load-billing-states";

export type TListOverdueRequest = TPaging;

export type OverdueRow = TenantSummary &
  TenantBillingState & {
    /** suspended: a month went unpaid (status suspended, reason non_payment); short: active, but the next month cannot be paid. */
    reason: "suspended" | "short";
    suspendedAt: Date | null;
    /** What the next month's fee needs on top of the balance (0 when the balance already pays it). */
    amountMissing: number | null;
  };

export type TListOverdueResponse = { rows: OverdueRow[]; total: number; page: number; pageSize: number };
