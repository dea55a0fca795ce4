import { db } from "@/server/shared/db";
import { toFen } from "@/server/shared/money";
import type { Tx } from "./money-transaction";

/** The balance is the sum of the tenant's ledger entries (architecture convention 3). */
export async function getBalance(tenantId: string, tx: Tx = db): Promise<number> {
  const rows = await tx.$queryRaw<{ balance: bigint | number | string | null }[]>`
    SELECT COALESCE(SUM(amount), 0) AS balance FROM LedgerEntry WHERE tenantId = ${tenantId}`;
  return toFen(BigInt(rows[0]?.balance ?? 0));
}

/** The last month charged to the tenant, or null when none was. */
export async function getLastChargedMonth(tenantId: string, tx: Tx = db): Promise<string | null> {
  const rows = await tx.$queryRaw<{ month: string | null }[]>`
    SELECT MAX(billingMonth) AS month FROM LedgerEntry WHERE tenantId = ${tenantId} AND kind = 'monthly_charge'`;
  return rows[0]?.month ?? null;
}
