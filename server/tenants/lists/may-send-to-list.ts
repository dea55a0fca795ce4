import type { ListPolicy } from "@/server/generated/prisma/enums.ts";
import { say, type Localized } from "@/server/shared/errors";

// Who may post to a mailing list: seed 001 §6.2's four "使用者" (sender) settings. The mail engine
// calls this at RCPT time for a list recipient and answers a refusal with 550 5.7.1 and `message`.
// Pure: the engine loads the list once (loadListForDelivery) and may cache it.

/** One of the tenant's domains by ASCII name; an alias domain names its primary (`aliasOf`). */
export type ListDomain = { name: string; aliasOf: string | null };

export type ListForSending = {
  address: string;
  policy: ListPolicy;
  /** Every address a member may send from (a member mailbox's aliases included). */
  members: readonly string[];
  /** The named senders ("以下用户"), used by members_and_senders and senders_only only. */
  senders: readonly string[];
  /** The tenant's domains, alias domains included: "inside the organisation" means on one of them. */
  domains: readonly ListDomain[];
};

export type SendRefusal = "no_sender" | "not_member_or_sender" | "not_named_sender" | "outside_organisation";

export type SendVerdict = { allowed: true } | { allowed: false; reason: SendRefusal; message: Localized };

/**
 * Lower-case, and an address on one of the tenant's alias domains as on its primary: an alias
 * domain receives and sends as its primary (glossary), so zhang@alias.example is zhang@example.
 */
function canonical(address: string, aliasToPrimary: ReadonlyMap<string, string>): string {
  const lower = address.trim().toLowerCase();
  const at = lower.lastIndexOf("@");
  if (at < 1) return lower;
  const primary = aliasToPrimary.get(lower.slice(at + 1));
  return primary ? `${lower.slice(0, at + 1)}${primary}` : lower;
}

function refusalText(reason: SendRefusal, list: string): Localized {
  switch (reason) {
    case "no_sender":
      return say(`${list} does not accept mail without a sender address`, `${list} 不接收没有发件人地址的邮件`);
    case "not_member_or_sender":
      return say(`Only members of ${list} and its named senders may send to it`, `只有 ${list} 的成员和指定使用者可以向该邮件列表发信`);
    case "not_named_sender":
      return say(`Only the named senders of ${list} may send to it`, `只有 ${list} 的指定使用者可以向该邮件列表发信`);
    case "outside_organisation":
      return say(`Only addresses of this organisation may send to ${list}`, `只有本企业的邮箱可以向 ${list} 发信`);
  }
}

const refuse = (reason: SendRefusal, list: string): SendVerdict => ({ allowed: false, reason, message: refusalText(reason, list) });

/**
 * Whether `sender` (the envelope MAIL FROM; "" for a bounce) may post to `list`. Addresses are
 * compared case-insensitively. A bounce is refused by every policy but "anyone": it cannot be
 * told apart from anyone else, and lists must not relay bounces of strangers to their members.
 */
export function maySendToList(list: ListForSending, sender: string): SendVerdict {
  if (list.policy === "anyone") return { allowed: true };
  const aliasToPrimary = new Map(list.domains.filter((d) => d.aliasOf).map((d) => [d.name.toLowerCase(), d.aliasOf!.toLowerCase()]));
  const from = canonical(sender, aliasToPrimary);
  const at = from.lastIndexOf("@");
  if (at < 1 || at === from.length - 1) return refuse("no_sender", list.address);
  const listed = (addresses: readonly string[]) => addresses.some((a) => canonical(a, aliasToPrimary) === from);

  switch (list.policy) {
    case "members_and_senders":
      return listed(list.members) || listed(list.senders) ? { allowed: true } : refuse("not_member_or_sender", list.address);
    case "senders_only":
      return listed(list.senders) ? { allowed: true } : refuse("not_named_sender", list.address);
    case "organisation": {
      const domain = from.slice(at + 1);
      return list.domains.some((d) => d.name.toLowerCase() === domain) ? { allowed: true } : refuse("outside_organisation", list.address);
    }
  }
}
