import type { Tx } from "./domain-transaction";

/**
 * How many mailboxes live on the domain: a domain with mailboxes cannot be removed. Aliases and
 * lists on it are counted by the caller separately (their MailAddress rows also hold the domain).
 */
export async function countDomainMailboxes(tx: Tx, domainId: string): Promise<number> {
  return tx.mailbox.count({ where: { domainId } });
}
