import { clock } from "@/server/shared/clock";
import { DomainError } from "@/server/shared/errors";
import type { Tx } from "../ledger/money-transaction";
import type { LockedTenant } from "../ledger/lock-tenant";
import { getBalance, getLastChargedMonth } from "../ledger/get-balance";
import { monthOf } from "../rules/months";
import type { ResizeInput } from "../rules/resize";
import { loadService, type LoadedService } from "../subscriptions/load-service";
import { countMailboxes } from "./count-mailboxes";
import type { TPreviewResizeRequest } from "./resize.types";

/** Gathers what the resize rule needs for the tenant, refusing when there is nothing to resize. */
export async function loadResizeInput(
  tx: Tx,
  tenant: Pick<LockedTenant, "id" | "timeZone" | "status">,
  input: TPreviewResizeRequest,
): Promise<{ rule: ResizeInput; service: LoadedService; toPlanId: string }> {
  if (tenant.status === "frozen") throw new DomainError("PRECONDITION_FAILED", "This account is terminated; ask us to restore it first");
  const service = await loadService(tenant.id, tx);
  if (!service || service.subscription.status !== "active") {
    throw new DomainError("PRECONDITION_FAILED", "There is no paid subscription to change yet");
  }
  const start = service.subscription.billingStartMonth;
  if (!start) {
    throw new DomainError("PRECONDITION_FAILED", "Billing starts when your domain's MX record points at us; changes can be scheduled after that");
  }
  const plan = await tx.plan.findUnique({ where: { id: input.planId } });
  const samePlan = plan?.id === service.subscription.planId;
  if (!plan || (!plan.active && !samePlan)) {
    throw new DomainError("BAD_INPUT", "This plan is not on sale", { planId: ["This plan is not on sale"] });
  }
  const [balance, lastChargedMonth, mailboxCount] = await Promise.all([
    getBalance(tenant.id, tx),
    getLastChargedMonth(tenant.id, tx),
    countMailboxes(tx, tenant.id),
  ]);
  return {
    service,
    toPlanId: plan.id,
    rule: {
      currentMonth: monthOf(clock.now(), tenant.timeZone),
      balance,
      state: service.state,
      billingStartMonth: start,
      lastChargedMonth,
      samePlan,
      toSeats: input.seats,
      toPlanPricePerSeatYear: plan.pricePerSeatYear,
      mailboxCount,
    },
  };
}
