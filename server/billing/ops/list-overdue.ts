import { db } from "@/server/shared/db";
import { loadBillingStates } from "./load-billing-states";
import type { TenantSummary } from "./list-balances.types";
import type { OverdueRow, TListOverdueRequest, TListOverdueResponse } from "./list-overdue.types";

type Candidate = TenantSummary & { suspendedAt: Date | null };

/**
 * Tenants that may be overdue, found in SQL: every one suspended for non-payment, and every
 * active one whose balance is below the largest fee its next month could cost (seats × the
 * higher of its term price and renewal price / 12, plus the December remainder of at most 11 fen)
 * or that has a resize scheduled. The exact check then runs on these few with the billing rules.
 */
async function candidates(): Promise<Candidate[]> {
  const rows = await db.$queryRaw<(Omit<Candidate, "tenantId"> & { id: string })[]>`
    SELECT t.id, t.name, t.status, t.suspendedReason, t.suspendedAt, t.timeZone, t.frozenUntil, t.purgedAt
    FROM Tenant t
    LEFT JOIN Subscription s ON s.tenantId = t.id AND s.status = 'active' AND s.billingStartMonth IS NOT NULL
    LEFT JOIN Plan p ON p.id = s.planId
    WHERE (t.status = 'suspended' AND t.suspendedReason = 'non_payment')
       OR (t.status = 'active' AND s.id IS NOT NULL AND (
             COALESCE((SELECT SUM(l.amount) FROM LedgerEntry l WHERE l.tenantId = t.id), 0)
               < s.seats * GREATEST(s.pricePerSeatYear, p.pricePerSeatYear) / 12 + 12
             OR EXISTS (SELECT 1 FROM ResizeChange r WHERE r.subscriptionId = s.id AND r.status = 'scheduled')))
    ORDER BY t.name ASC, t.id ASC`;
  return rows.map(({ id, ...rest }) => ({ tenantId: id, ...rest }));
}

/**
 * The overdue list (欠费): tenants suspended for non-payment first, then active tenants whose
 * balance cannot pay the next month; within each, the largest amount missing first.
 */
export async function listOverdue(request: TListOverdueRequest): Promise<TListOverdueResponse> {
  const found = await candidates();
  const states = await loadBillingStates(found.map((c) => ({ id: c.tenantId, timeZone: c.timeZone })));
  const rows: OverdueRow[] = [];
  for (const c of found) {
    const state = states.get(c.tenantId)!;
    const missing = state.monthlyFee === null ? null : Math.max(0, state.monthlyFee - state.balance);
    if (c.status === "suspended") rows.push({ ...c, ...state, reason: "suspended", amountMissing: missing });
    else if (missing !== null && missing > 0) rows.push({ ...c, ...state, reason: "short", amountMissing: missing });
  }
  rows.sort((a, b) => (a.reason === b.reason ? (b.amountMissing ?? 0) - (a.amountMissing ?? 0) : a.reason === "suspended" ? -1 : 1));
  const { page, pageSize } = request;
  return { rows: rows.slice((page - 1) * pageSize, page * pageSize), total: rows.length, page, pageSize };
}
