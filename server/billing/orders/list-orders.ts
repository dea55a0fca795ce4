import { db } from "@/server/shared/db";
import { toOrderView, type OrderView } from "./order-view";

/** The tenant's orders, newest first; the page shows pending ones with their bank details. */
export async function listOrders(tenantId: string, limit = 50): Promise<OrderView[]> {
  const orders = await db.order.findMany({ where: { tenantId }, orderBy: { createdAt: "desc" }, take: limit });
  return orders.map(toOrderView);
}
