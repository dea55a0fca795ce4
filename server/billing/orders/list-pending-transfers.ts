import { db } from "@/server/shared/db";
import { toFen } from "@/server/shared/money";
import { normaliseOrderReference } from "./order-reference";
import { likeLiteral } from "@/server/shared/like-literal";

export type PendingTransfer = {
  id: string;
  reference: string;
  tenantId: string;
  tenantName: string;
  kind: "subscription" | "top_up";
  amount: number;
  currency: string;
  seats: number | null;
  termYears: number | null;
  createdAt: Date;
};

/** Unpaid orders for operators matching incoming transfers; `search` matches a reference or a tenant name. */
export async function listPendingTransfers(search?: string): Promise<PendingTransfer[]> {
  const q = search?.trim();
  const orders = await db.order.findMany({
    where: {
      status: "pending",
      ...(q ? { OR: [{ reference: normaliseOrderReference(q) }, { tenant: { name: { contains: likeLiteral(q) } } }] } : {}),
    },
    include: { tenant: { select: { name: true } } },
    orderBy: { createdAt: "asc" },
    take: 200,
  });
  return orders.map((o) => ({
    id: o.id,
    reference: o.reference,
    tenantId: o.tenantId,
    tenantName: o.tenant.name,
    kind: o.kind,
    amount: toFen(o.amount),
    currency: o.currency,
    seats: o.seats,
    termYears: o.termYears,
    createdAt: o.createdAt,
  }));
}
