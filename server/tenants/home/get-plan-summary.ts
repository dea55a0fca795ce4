import { getPaidThrough } from "@/server/billing/account/get-paid-through";
import type { SubscriptionStatus } from "@/server/generated/prisma/enums.ts";
import type { SeatUsage } from "../seats/seat-usage";

export type PlanSummary = {
  /** The current subscription's plan, or null before the first order. */
  planName: string | null;
  status: SubscriptionStatus | null;
  seats: SeatUsage;
  /** Last day the balance pays for (tenant's calendar, YYYY-MM-DD); null when nothing is paid yet. */
  paidThroughDay: string | null;
  /** The balance pays to the end of the term: nothing runs out. */
  capped: boolean;
};

/** The home's plan card, from billing's own projection (not re-computed here). Seats are added by the caller. */
export async function getPlanSummary(tenantId: string, timeZone: string): Promise<Omit<PlanSummary, "seats">> {
  const { service, paidThrough } = await getPaidThrough(tenantId, timeZone);
  const sub = service?.subscription ?? null;
  return {
    planName: sub?.plan.name ?? null,
    status: sub?.status ?? null,
    paidThroughDay: paidThrough?.paidThroughDay ?? null,
    capped: paidThrough?.capped ?? false,
  };
}
