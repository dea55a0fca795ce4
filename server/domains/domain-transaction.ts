import type { Prisma } from "@/server/generated/prisma/client.ts";
import { db } from "@/server/shared/db";

export type Tx = Prisma.TransactionClient;

/**
 * Every write to a tenant's domains or DKIM keys runs in one of these and first locks the tenant's
 * row (`lockTenant`), so two parallel adds cannot both see room under the plan's limit and two
 * rotations cannot both create a pending key. READ COMMITTED, as for money: a writer that waited
 * for the lock then sees what the previous one committed.
 */
export function domainTransaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.$transaction(fn, { isolationLevel: "ReadCommitted", timeout: 20_000, maxWait: 15_000 });
}
