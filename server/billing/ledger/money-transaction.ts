import type { Prisma } from "@/server/generated/prisma/client.ts";
import { db } from "@/server/shared/db";

export type Tx = Prisma.TransactionClient;

/**
 * Every write that moves money runs in one of these. READ COMMITTED, so that a writer that waited
 * for a tenant's row lock then sees what the previous writer committed (under REPEATABLE READ an
 * earlier snapshot could hide a just-committed payment and let the idempotency check miss it).
 */
export function moneyTransaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.$transaction(fn, { isolationLevel: "ReadCommitted", timeout: 20_000, maxWait: 10_000 });
}
