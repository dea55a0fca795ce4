import type { Prisma } from "@/server/generated/prisma/client.ts";
import { lockTenant, type LockedTenant } from "@/server/billing/ledger/lock-tenant";
import { db } from "@/server/shared/db";
import { DomainError, say } from "@/server/shared/errors";

export type Tx = Prisma.TransactionClient;

/**
 * Every write to a tenant's organisation (departments, mailboxes, addresses, lists) runs in one
 * of these, holding the tenant's row lock from the first statement: two parallel creations then
 * run one after the other, so the seat count and sibling-name checks each see the other's
 * result. READ COMMITTED, as for money and domains: a writer that waited for the lock sees what
 * the previous one committed.
 */
export function tenantTransaction<T>(tenantId: string, fn: (tx: Tx, tenant: LockedTenant) => Promise<T>): Promise<T> {
  return db.$transaction(async (tx) => fn(tx, await lockTenant(tx, tenantId)), { isolationLevel: "ReadCommitted", timeout: 20_000, maxWait: 15_000 });
}

/** A terminated (frozen) tenant's organisation is read-only until it is restored or purged. */
export function assertWritable(tenant: LockedTenant): void {
  if (tenant.status === "frozen") {
    throw new DomainError("PRECONDITION_FAILED", say("This account is terminated: its organisation can no longer be changed", "该企业账户已终止，组织和邮箱不能再修改"));
  }
}
