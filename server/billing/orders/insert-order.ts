import { Prisma, type Order } from "@/server/generated/prisma/client.ts";
import { DomainError } from "@/server/shared/errors";
import { moneyTransaction, type Tx } from "../ledger/money-transaction";
import { lockTenant, type LockedTenant } from "../ledger/lock-tenant";
import { newOrderReference } from "./order-reference";
import { toOrderView, type OrderView } from "./order-view";

/** Creates an order with a fresh bank-transfer reference, drawing again on the (rare) collision. */
export async function insertOrder(tx: Tx, data: Omit<Prisma.OrderUncheckedCreateInput, "reference">) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await tx.order.create({ data: { ...data, reference: newOrderReference() } });
    } catch (e) {
      const collided = e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002" && String(e.meta?.target ?? e.message).includes("reference");
      if (!collided || attempt >= 4) throw e;
    }
  }
}

/** Order idempotency keys are stored per tenant, so one tenant's key can never find another's order. */
export const tenantScopedKey = (tenantId: string, key: string) => `${tenantId}:${key}`;

/**
 * Runs `create` under the tenant's lock, once per request id: a retry gets the order the first
 * attempt made (CONFLICT when the id was used for a different request). A terminated tenant
 * orders nothing.
 */
export function orderOnce(
  tenantId: string,
  idempotencyKey: string,
  isSameRequest: (first: Order) => boolean,
  create: (tx: Tx, tenant: LockedTenant, key: string) => Promise<OrderView>,
): Promise<OrderView> {
  const key = tenantScopedKey(tenantId, idempotencyKey);
  return moneyTransaction(async (tx) => {
    const tenant = await lockTenant(tx, tenantId);
    const repeated = await tx.order.findUnique({ where: { idempotencyKey: key } });
    if (repeated) {
      if (!isSameRequest(repeated)) throw new DomainError("CONFLICT", "This request id was already used for a different order");
      return toOrderView(repeated);
    }
    if (tenant.status === "frozen") throw new DomainError("PRECONDITION_FAILED", "This account is terminated; ask us to restore it first");
    return create(tx, tenant, key);
  });
}
