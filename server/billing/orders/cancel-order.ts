import type { AuditActor } from "@/server/audit/record-audit";
import { recordAudit } from "@/server/audit/record-audit";
import { clock } from "@/server/shared/clock";
import { DomainError, notFound } from "@/server/shared/errors";
import { lockTenant } from "../ledger/lock-tenant";
import { moneyTransaction } from "../ledger/money-transaction";
import { toOrderView, type OrderView } from "./order-view";

/** A customer withdraws an unpaid order; a pending subscription goes with it. Cancelling twice is a no-op. */
export async function cancelOrder(actor: AuditActor, tenantId: string, orderId: string): Promise<OrderView> {
  return moneyTransaction(async (tx) => {
    await lockTenant(tx, tenantId);
    const order = await tx.order.findFirst({ where: { id: orderId, tenantId } });
    if (!order) throw notFound("Order");
    if (order.status === "cancelled") return toOrderView(order);
    if (order.status === "paid") throw new DomainError("CONFLICT", `Order ${order.reference} is already paid and cannot be cancelled`);
    const now = clock.now();
    const cancelled = await tx.order.update({ where: { id: order.id }, data: { status: "cancelled", cancelledAt: now } });
    if (order.kind === "subscription" && order.subscriptionId) {
      await tx.subscription.updateMany({ where: { id: order.subscriptionId, status: "pending" }, data: { status: "cancelled" } });
    }
    await recordAudit(actor, { action: "billing.order.cancel", tenantId, target: { type: "order", id: order.id }, details: { reference: order.reference } }, tx);
    return toOrderView(cancelled);
  });
}
