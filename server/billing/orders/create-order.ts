import type { AuditActor } from "@/server/audit/record-audit";
import { recordAudit } from "@/server/audit/record-audit";
import { DomainError } from "@/server/shared/errors";
import type { Order } from "@/server/generated/prisma/client.ts";
import { prepaymentFor } from "../rules/fees";
import { assertAllowedSeats } from "../rules/seat-tiers";
import { insertOrder, orderOnce } from "./insert-order";
import { chargeOnAccount, orderResellerId, payOnAccount } from "./apply-order-payment";
import { assertPaymentMethod, samePayment } from "./payment-method";
import { toOrderView, type OrderView } from "./order-view";
import type { TCreateOrderRequest } from "./create-order.types";

/**
 * A customer orders a plan: seats × price per seat-year × whole years, prepaid (seed 002
 * appendix A). The subscription is created `pending` with the plan's price of the day and stays
 * so until the order is paid.
 */
export async function createOrder(actor: AuditActor, tenantId: string, input: TCreateOrderRequest): Promise<OrderView> {
  assertAllowedSeats(input.seats);
  assertPaymentMethod(input.method, actor);
  // A retry must be the same order, paid the same way (on the reseller's account or not).
  const same = (first: Order) =>
    first.planId === input.planId && first.seats === input.seats && first.termYears === input.termYears && samePayment(first, input.method);
  return orderOnce(tenantId, input.idempotencyKey, same, async (tx, tenant, key) => {
    const plan = await tx.plan.findUnique({ where: { id: input.planId } });
    if (!plan || !plan.active) {
      throw new DomainError("BAD_INPUT", "This plan is not on sale", { planId: ["This plan is not on sale"] });
    }
    const live = await tx.subscription.findFirst({
      where: { tenantId, status: { in: ["pending", "active"] } },
      include: { orders: { where: { status: "pending" }, select: { reference: true } } },
    });
    if (live?.status === "active") {
      throw new DomainError("CONFLICT", "You already have an active subscription: change its seats or plan instead");
    }
    if (live) {
      const ref = live.orders[0]?.reference;
      throw new DomainError("CONFLICT", `You have an unpaid order${ref ? ` ${ref}` : ""}: pay or cancel it first`);
    }
    const resellerId = await orderResellerId(tx, tenantId, input.method);
    const subscription = await tx.subscription.create({
      data: {
        tenantId,
        planId: plan.id,
        seats: input.seats,
        pricePerSeatYear: plan.pricePerSeatYear,
        currency: plan.currency,
        startRule: input.startRule,
      },
    });
    const order = await insertOrder(tx, {
      tenantId,
      subscriptionId: subscription.id,
      kind: "subscription",
      planId: plan.id,
      seats: input.seats,
      termYears: input.termYears,
      pricePerSeatYear: plan.pricePerSeatYear,
      amount: BigInt(prepaymentFor(input.seats, plan.pricePerSeatYear, input.termYears)),
      currency: plan.currency,
      method: input.method,
      idempotencyKey: key,
      createdById: actor.id,
      resellerId,
    });
    const onAccount = input.method === "reseller_account" ? await chargeOnAccount(tx, order, actor) : null;
    await recordAudit(
      actor,
      {
        action: "billing.order.create",
        tenantId,
        target: { type: "order", id: order.id },
        details: {
          reference: order.reference,
          plan: plan.code,
          seats: input.seats,
          termYears: input.termYears,
          amount: Number(order.amount),
          ...(onAccount && { method: input.method, onBehalfOfTenantId: tenantId, resellerId: onAccount.resellerId, wholesale: onAccount.wholesale }),
        },
      },
      tx,
    );
    if (!onAccount) return toOrderView(order);
    await payOnAccount(tx, tenant, order, actor);
    return toOrderView(await tx.order.findUniqueOrThrow({ where: { id: order.id } }));
  });
}
