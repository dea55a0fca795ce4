import { db } from "@/server/shared/db";
import { notFound } from "@/server/shared/errors";
import { yearlyFee } from "../rules/fees";
import type { PaidThrough } from "../rules/paid-through";
import { stripeEnabled } from "../orders/payment-method";
import { toOrderView, type OrderView } from "../orders/order-view";
import { getPaidThrough } from "./get-paid-through";

export type BillingOverview = {
  tenant: { status: "active" | "suspended" | "frozen"; suspendedReason: "non_payment" | "operator" | null; timeZone: string };
  balance: number;
  currency: string;
  subscription: {
    id: string;
    status: "pending" | "active" | "cancelled";
    plan: { id: string; code: string; name: string; pricePerSeatYear: number };
    seats: number;
    pricePerSeatYear: number;
    yearlyFee: number;
    startRule: "on_payment" | "on_mx_verified";
    billingStartMonth: string | null;
    termEndMonth: string | null;
  } | null;
  scheduledChange: { id: string; toPlanId: string; toPlanName: string; toSeats: number; pricePerSeatYear: number; effectiveMonth: string } | null;
  paidThrough: PaidThrough | null;
  daysLeft: number | null;
  nextMonth: string | null;
  /** One month's fee of the current service: the smallest top-up. */
  nextMonthFee: number | null;
  pendingOrders: OrderView[];
  stripeEnabled: boolean;
};

/** Everything the customer's billing page shows at the top, in one read. */
export async function getBillingOverview(tenantId: string): Promise<BillingOverview> {
  const tenant = await db.tenant.findUnique({ where: { id: tenantId }, select: { status: true, suspendedReason: true, timeZone: true } });
  if (!tenant) throw notFound("Tenant");
  const [pt, pending] = await Promise.all([
    getPaidThrough(tenantId, tenant.timeZone),
    db.order.findMany({ where: { tenantId, status: "pending" }, orderBy: { createdAt: "desc" } }),
  ]);
  const sub = pt.service?.subscription ?? null;
  const scheduled = pt.service?.scheduled ?? null;
  return {
    tenant,
    balance: pt.balance,
    currency: sub?.currency ?? "CNY",
    subscription: sub && {
      id: sub.id,
      status: sub.status,
      plan: { id: sub.plan.id, code: sub.plan.code, name: sub.plan.name, pricePerSeatYear: sub.plan.pricePerSeatYear },
      seats: sub.seats,
      pricePerSeatYear: sub.pricePerSeatYear,
      yearlyFee: yearlyFee(sub.seats, sub.pricePerSeatYear),
      startRule: sub.startRule,
      billingStartMonth: sub.billingStartMonth,
      termEndMonth: sub.termEndMonth,
    },
    scheduledChange: scheduled && {
      id: scheduled.id,
      toPlanId: scheduled.toPlanId,
      toPlanName: scheduled.toPlan.name,
      toSeats: scheduled.toSeats,
      pricePerSeatYear: scheduled.pricePerSeatYear,
      effectiveMonth: scheduled.effectiveMonth,
    },
    paidThrough: pt.paidThrough,
    daysLeft: pt.daysLeft,
    nextMonth: pt.nextMonth,
    nextMonthFee: pt.nextMonthFee,
    pendingOrders: pending.map(toOrderView),
    stripeEnabled: stripeEnabled(),
  };
}
