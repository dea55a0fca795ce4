import type { AuditActor } from "@/server/audit/record-audit";
import { recordAudit } from "@/server/audit/record-audit";
import { DomainError } from "@/server/shared/errors";
import { assertPositiveFen, formatFen } from "@/server/shared/money";
import type { Order } from "@/server/generated/prisma/client.ts";
import { getPaidThrough } from "../account/get-paid-through";
import { insertOrder, orderOnce } from "./insert-order";
import { chargeOnAccount, orderResellerId, payOnAccount } from "./apply-order-payment";
import { assertPaymentMethod, samePayment } from "./payment-method";
import { toOrderView, type OrderView } from "./order-view";
import type { TCreateTopUpRequest } from "./create-order.types";

/** A top-up (续费) adds prepayment: at least one month's fee of the current service. */
export async function createTopUp(actor: AuditActor, tenantId: string, input: TCreateTopUpRequest): Promise<OrderView> {
  assertPositiveFen(input.amount);
  assertPaymentMethod(input.method, actor);
  const same = (first: Order) => first.kind === "top_up" && Number(first.amount) === input.amount && samePayment(first, input.method);
  return orderOnce(tenantId, input.idempotencyKey, same, async (tx, tenant, key) => {
    const { service, nextMonthFee } = await getPaidThrough(tenantId, tenant.timeZone, tx);
    if (!service || service.subscription.status !== "active") {
      throw new DomainError("PRECONDITION_FAILED", "Order a plan first: a top-up adds to an active subscription");
    }
    const minimum = nextMonthFee ?? 0;
    if (input.amount < minimum) {
      const message = `A top-up is at least one month's fee, ${formatFen(minimum)}`;
      throw new DomainError("BAD_INPUT", message, { amount: [message] });
    }
    const resellerId = await orderResellerId(tx, tenantId, input.method);
    const order = await insertOrder(tx, {
      tenantId,
      subscriptionId: service.subscription.id,
      kind: "top_up",
      amount: BigInt(input.amount),
      currency: service.subscription.currency,
      method: input.method,
      idempotencyKey: key,
      createdById: actor.id,
      resellerId,
    });
    // On account, a top-up is paid at once like an order (resizes need no reseller entry).
    const onAccount = input.method === "reseller_account" ? await chargeOnAccount(tx, order, actor) : null;
    await recordAudit(
      actor,
      {
        action: "billing.top_up.create",
        tenantId,
        target: { type: "order", id: order.id },
        details: {
          reference: order.reference,
          amount: input.amount,
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
