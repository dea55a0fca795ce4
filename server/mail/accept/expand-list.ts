import type { ListForDelivery } from "@/server/tenants/lists/load-list-for-delivery";
import { maySendToList, type ListForSending } from "@/server/tenants/lists/may-send-to-list";
import { logger } from "@/server/shared/logger";
import type { LocalDelivery, RemoteDelivery, SmtpRefusal } from "../engine.types";
import { classifyAddress, type Classified } from "./classify-address";
import { listRefusesSender } from "./refusals";

// Per-message notes stay at debug: a busy list would otherwise log on every message.
const log = logger("mail.accept");

/** Lists inside lists are followed this deep (the list the client named is depth 1). */
export const MAX_LIST_DEPTH = 5;

/** An address that fans out: a mailing list, or postmaster@/abuse@ (to the tenant's admins). */
export type Group = {
  /** What the loop guard remembers: the list id, or the role address. */
  key: string;
  tenantId: string;
  /** Set for a mailing list (LocalDelivery.listId). */
  listId?: string;
  /** The list's sender policy; null = anyone (role addresses). */
  rule: ListForSending | null;
  deliverTo: readonly string[];
  /** The tenant's plan's attachment limit. */
  attachmentLimitMb: number;
};

export const listGroup = (list: ListForDelivery, attachmentLimitMb: number): Group => ({
  key: list.listId,
  tenantId: list.tenantId,
  listId: list.listId,
  rule: list.rule,
  deliverTo: list.deliverTo,
  attachmentLimitMb,
});

export const groupOf = (c: Classified): Group | null =>
  c.kind === "list"
    ? listGroup(c.list, c.domain.attachmentLimitMb)
    : c.kind === "role"
      ? { key: `role:${c.parsed.address}`, tenantId: c.domain.tenantId, rule: null, deliverTo: c.admins, attachmentLimitMb: c.domain.attachmentLimitMb }
      : null;

export type Expansion = {
  /** By mailboxId: one copy per mailbox however many ways the lists lead to it. */
  local: Map<string, LocalDelivery>;
  /** By recipient address. */
  remote: Map<string, RemoteDelivery>;
  /** Attachment limit (MB) of every tenant whose list or mailbox is involved. */
  attachmentLimits: Map<string, number>;
};

/**
 * A list recipient: its policy decides for `mailFrom` (a refusal names the reason), then its
 * members are resolved like any address. A member that is itself a list on the platform (stored
 * as an outside address) is expanded with its own policy, judged against the same original
 * sender; a nested list that refuses the sender, a loop, or depth beyond MAX_LIST_DEPTH stops
 * that branch only. Members that cannot receive (disabled mailbox, unknown address, suspended
 * tenant) are left out: the list's other members still get the message. Quota is not checked
 * for members: refusing the whole list for one full mailbox would punish the sender and
 * everyone else, so a full member's mailbox takes the copy (and goes over quota by it).
 */
export async function expandGroup(group: Group, rcpt: string, mailFrom: string): Promise<Expansion | SmtpRefusal> {
  const verdict = group.rule ? maySendToList(group.rule, mailFrom) : { allowed: true as const };
  if (!verdict.allowed) return listRefusesSender(verdict.message.en);
  const x: Expansion = { local: new Map(), remote: new Map(), attachmentLimits: new Map([[group.tenantId, group.attachmentLimitMb]]) };
  await expandMembers(x, group, { rcpt, mailFrom, visited: new Set([group.key]), depth: 1 });
  return x;
}

type Walk = { rcpt: string; mailFrom: string; visited: Set<string>; depth: number };

async function expandMembers(x: Expansion, group: Group, walk: Walk): Promise<void> {
  // Loaded together (most are cache hits). A group's own mailboxes are taken before nested
  // groups are followed, so a mailbox reached several ways is credited to the nearest list.
  const members = await Promise.all(group.deliverTo.map((address) => classifyAddress(address)));
  const nested: Group[] = [];
  for (const [i, m] of members.entries()) {
    switch (m.kind) {
      case "foreign":
      case "not_ready":
        // Not received here: the relay delivers it wherever its MX points.
        if (!x.remote.has(m.parsed.address)) x.remote.set(m.parsed.address, { recipient: m.parsed.address, rcpt: walk.rcpt, tenantId: group.tenantId });
        break;
      case "mailbox":
        if (!m.mailbox.active) break;
        x.attachmentLimits.set(m.domain.tenantId, m.domain.attachmentLimitMb);
        if (!x.local.has(m.mailbox.id)) {
          const delivery: LocalDelivery = { mailboxId: m.mailbox.id, tenantId: m.mailbox.tenantId, address: m.mailbox.address, rcpt: walk.rcpt };
          x.local.set(m.mailbox.id, group.listId ? { ...delivery, listId: group.listId } : delivery);
        }
        break;
      case "list":
      case "role":
        nested.push(groupOf(m)!);
        break;
      default:
        log.debug("list member skipped", { group: group.key, member: group.deliverTo[i], why: m.kind });
    }
  }
  for (const n of nested) await expandNested(x, n, walk);
}

async function expandNested(x: Expansion, nested: Group, walk: Walk): Promise<void> {
  if (walk.visited.has(nested.key) || walk.depth >= MAX_LIST_DEPTH) {
    log.debug("nested list not followed", { group: nested.key, why: walk.visited.has(nested.key) ? "loop" : "too_deep" });
    return;
  }
  walk.visited.add(nested.key);
  if (nested.rule && !maySendToList(nested.rule, walk.mailFrom).allowed) {
    log.debug("nested list refuses the sender", { group: nested.key });
    return;
  }
  x.attachmentLimits.set(nested.tenantId, nested.attachmentLimitMb);
  await expandMembers(x, nested, { ...walk, depth: walk.depth + 1 });
}
