import type { Tx } from "./domain-transaction";

/**
 * How many mailboxes live on the domain: a domain with mailboxes cannot be removed. Mailboxes
 * arrive with the [Console] issue, which replaces this body with a count of its table; until then
 * a domain has none.
 */
export async function countDomainMailboxes(_tx: Tx, _domainId: string): Promise<number> {
  return 0;
}
