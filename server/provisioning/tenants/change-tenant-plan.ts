import { createOrder } from "@/server/billing/orders/create-order";
import { scheduleResize } from "@/server/billing/resize/schedule-resize";
import { db } from "@/server/shared/db";
import type { ApiPrincipal } from "../http/authenticate";
import type { ZChangePlanBody } from "./api-tenant.types";
import type { z } from "zod";

type Body = z.output<typeof ZChangePlanBody>;

/**
 * ChangePackage over the portal's own billing: a tenant with a paid subscription gets the change
 * scheduled for the 1st of next month at the previewed price (scheduleResize, the customer's
 * "change seats or plan"); one without gets an order for the plan (createOrder), which starts
 * the service once paid. The tenant has been reached (reachTenant) before.
 */
export async function changeTenantPlan(principal: ApiPrincipal, tenantId: string, body: Body, requestId: string) {
  const active = await db.subscription.findFirst({ where: { tenantId, status: "active" }, select: { id: true } });
  if (active) {
    const resize = await scheduleResize(principal.actor, tenantId, { planId: body.planId, seats: body.seats, idempotencyKey: requestId });
    return { kind: "resize" as const, resize };
  }
  const method = body.method ?? (principal.resellerId ? "reseller_account" : "bank_transfer");
  const order = await createOrder(principal.actor, tenantId, {
    planId: body.planId,
    seats: body.seats,
    termYears: body.termYears,
    startRule: "on_payment",
    method,
    idempotencyKey: requestId,
  });
  return {
    kind: "order" as const,
    order: {
      id: order.id,
      reference: order.reference,
      status: order.status,
      method: order.method,
      amount: order.amount,
      currency: order.currency,
      planId: order.planId,
      seats: order.seats,
      termYears: order.termYears,
      createdAt: order.createdAt.toISOString(),
      paidAt: order.paidAt?.toISOString() ?? null,
    },
  };
}
