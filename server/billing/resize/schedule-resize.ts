import type { AuditActor } from "@/server/audit/record-audit";
import { recordAudit } from "@/server/audit/record-audit";
import { DomainError } from "@/server/shared/errors";
import { lockTenant } from "../ledger/lock-tenant";
import { moneyTransaction } from "../ledger/money-transaction";
import { previewResize } from "../rules/resize";
import { tenantScopedKey } from "../orders/insert-order";
import { loadResizeInput } from "./load-resize-input";
import type { TScheduleResizeRequest } from "./resize.types";

export type ScheduledResizeView = {
  id: string;
  toPlanId: string;
  toSeats: number;
  pricePerSeatYear: number;
  effectiveMonth: string;
  status: "scheduled" | "applied" | "cancelled";
};

/**
 * Schedules the previewed change for the 1st of next month, at the price the preview showed
 * (the billing run charges exactly that). One scheduled change at a time; cancel it to change again.
 */
export async function scheduleResize(actor: AuditActor, tenantId: string, input: TScheduleResizeRequest): Promise<ScheduledResizeView> {
  const key = tenantScopedKey(tenantId, input.idempotencyKey);
  return moneyTransaction(async (tx) => {
    const tenant = await lockTenant(tx, tenantId);
    const repeated = await tx.resizeChange.findUnique({ where: { idempotencyKey: key } });
    if (repeated) {
      if (repeated.toPlanId !== input.planId || repeated.toSeats !== input.seats) {
        throw new DomainError("CONFLICT", "This request id was already used for a different change");
      }
      return view(repeated);
    }
    const { rule, service, toPlanId } = await loadResizeInput(tx, tenant, input);
    if (service.scheduled) {
      throw new DomainError("CONFLICT", `A change to ${service.scheduled.toSeats} seats is already scheduled for ${service.scheduled.effectiveMonth}: cancel it first`);
    }
    const preview = previewResize(rule);
    const created = await tx.resizeChange.create({
      data: {
        subscriptionId: service.subscription.id,
        tenantId,
        fromPlanId: service.subscription.planId,
        fromSeats: service.subscription.seats,
        toPlanId,
        toSeats: preview.change.seats,
        pricePerSeatYear: preview.change.pricePerSeatYear,
        effectiveMonth: preview.effectiveMonth,
        idempotencyKey: key,
        requestedById: actor.id,
      },
    });
    await recordAudit(
      actor,
      {
        action: "billing.resize.schedule",
        tenantId,
        target: { type: "resize", id: created.id },
        details: { fromSeats: created.fromSeats, toSeats: created.toSeats, toPlanId, effectiveMonth: created.effectiveMonth, newMonthlyFee: preview.newMonthlyFee },
      },
      tx,
    );
    return view(created);
  });
}

const view = (r: ScheduledResizeView): ScheduledResizeView => ({
  id: r.id,
  toPlanId: r.toPlanId,
  toSeats: r.toSeats,
  pricePerSeatYear: r.pricePerSeatYear,
  effectiveMonth: r.effectiveMonth,
  status: r.status,
});
