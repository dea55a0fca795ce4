import { notFound } from "@/server/shared/errors";
import type { Tx } from "./money-transaction";

export type LockedTenant = {
  id: string;
  name: string;
  status: "active" | "suspended" | "frozen";
  suspendedReason: "non_payment" | "operator" | null;
  timeZone: string;
  mxVerifiedAt: Date | null;
  purgedAt: Date | null;
};

/**
 * Locks the tenant's row until the transaction ends. Every write to a tenant's balance, orders or
 * subscription takes this lock first, so payments, charges and changes for one tenant happen one
 * after another and each sees the others' results.
 */
export async function lockTenant(tx: Tx, tenantId: string): Promise<LockedTenant> {
  const rows = await tx.$queryRaw<LockedTenant[]>`
    SELECT id, name, status, suspendedReason, timeZone, mxVerifiedAt, purgedAt
    FROM Tenant WHERE id = ${tenantId} FOR UPDATE`;
  const row = rows[0];
  if (!row) throw notFound("Tenant");
  return row;
}
