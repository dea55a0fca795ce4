import { db } from "@/server/shared/db";
import { seatUsage, type SeatUsage } from "../seats/seat-usage";
import { planLimits, type PlanLimits } from "./plan-limits";

export type TSeatUsageResponse = SeatUsage & { limits: PlanLimits | null };

/** The mailboxes page header (seats used / paid) and the form's defaults (the plan's quota and alias limit). */
export async function getSeatUsage(tenantId: string): Promise<TSeatUsageResponse> {
  const [usage, limits] = await Promise.all([seatUsage(db, tenantId), planLimits(db, tenantId)]);
  return { ...usage, limits };
}
