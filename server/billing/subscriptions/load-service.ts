import type { Subscription, ResizeChange, Plan } from "@/server/generated/prisma/client.ts";
import { db } from "@/server/shared/db";
import type { Tx } from "../ledger/money-transaction";
import type { ScheduledChange, ServiceState } from "../rules/service-terms";

export type LoadedService = {
  subscription: Subscription & { plan: Plan };
  state: ServiceState;
  scheduled: (ResizeChange & { toPlan: Plan }) | null;
  change: ScheduledChange | null;
};

/** The tenant's live subscription (pending or active), its scheduled change, and both as rule inputs. */
export async function loadService(tenantId: string, tx: Tx = db): Promise<LoadedService | null> {
  const subscription = await tx.subscription.findFirst({
    where: { tenantId, status: { in: ["pending", "active"] } },
    include: { plan: true },
    orderBy: { createdAt: "desc" },
  });
  if (!subscription) return null;
  const resize = await tx.resizeChange.findFirst({ where: { subscriptionId: subscription.id, status: "scheduled" } });
  const toPlan = resize ? await tx.plan.findUniqueOrThrow({ where: { id: resize.toPlanId } }) : null;
  const scheduled = resize && toPlan ? { ...resize, toPlan } : null;
  return {
    subscription,
    state: {
      seats: subscription.seats,
      pricePerSeatYear: subscription.pricePerSeatYear,
      termEndMonth: subscription.termEndMonth,
      renewalPricePerSeatYear: subscription.plan.pricePerSeatYear,
    },
    scheduled,
    change: scheduled && {
      effectiveMonth: scheduled.effectiveMonth,
      seats: scheduled.toSeats,
      pricePerSeatYear: scheduled.pricePerSeatYear,
      renewalPricePerSeatYear: scheduled.toPlan.pricePerSeatYear,
    },
  };
}
