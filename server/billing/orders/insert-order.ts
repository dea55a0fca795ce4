import { Prisma } from "@/server/generated/prisma/client.ts";
import type { Tx } from "../ledger/money-transaction";
import { newOrderReference } from "./order-reference";

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
