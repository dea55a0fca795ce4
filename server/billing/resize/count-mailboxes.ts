import type { Tx } from "../ledger/money-transaction";

/** How many mailboxes the tenant has: seats may never go below it (seed 002 §4.2). */
export async function countMailboxes(tx: Tx, tenantId: string): Promise<number> {
  return tx.mailbox.count({ where: { tenantId } });
}
