import type { Tx } from "./domain-transaction";

export type DomainAddressCounts = { mailboxes: number; aliases: number; lists: number };

/**
 * What still receives mail on the domain: a domain with any of it cannot be removed. One grouped
 * read of the MailAddress table, where every mailbox, alias and list address has its row.
 */
export async function countDomainAddresses(tx: Tx, domainId: string): Promise<DomainAddressCounts> {
  const groups = await tx.mailAddress.groupBy({ by: ["kind"], where: { domainId }, _count: { _all: true } });
  const of = (kind: string) => groups.find((g) => g.kind === kind)?._count._all ?? 0;
  return { mailboxes: of("mailbox"), aliases: of("alias"), lists: of("list") };
}

const en = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "3 mailboxes, 1 alias and 2 mailing lists" / "3 个邮箱、1 个别名、2 个邮件列表": only the non-zero parts. */
export function describeAddressCounts(c: DomainAddressCounts): { en: string; zhCN: string } | null {
  const parts = [
    c.mailboxes > 0 && { en: en(c.mailboxes, "mailbox", "mailboxes"), zh: `${c.mailboxes} 个邮箱` },
    c.aliases > 0 && { en: en(c.aliases, "alias", "aliases"), zh: `${c.aliases} 个别名` },
    c.lists > 0 && { en: en(c.lists, "mailing list", "mailing lists"), zh: `${c.lists} 个邮件列表` },
  ].filter((p): p is { en: string; zh: string } => Boolean(p));
  if (parts.length === 0) return null;
  const english = parts.length === 1 ? parts[0]!.en : `${parts.slice(0, -1).map((p) => p.en).join(", ")} and ${parts[parts.length - 1]!.en}`;
  return { en: english, zhCN: parts.map((p) => p.zh).join("、") };
}
