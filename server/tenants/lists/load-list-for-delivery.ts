import { db } from "@/server/shared/db";
import type { ListForSending } from "./may-send-to-list";

export type ListForDelivery = {
  listId: string;
  tenantId: string;
  /** What maySendToList needs. */
  rule: ListForSending;
  /** The members' addresses to expand to, each once; disabled member mailboxes are left out. */
  deliverTo: string[];
};

/**
 * For the mail engine: the list at `address` (any case), or null when no list has it. A member
 * or named sender that is one of the tenant's mailboxes may send from any of its addresses (its
 * aliases too); mail is delivered to its main address only.
 */
export async function loadListForDelivery(address: string): Promise<ListForDelivery | null> {
  const list = await db.mailingList.findUnique({
    where: { address: address.trim().toLowerCase() },
    select: {
      id: true,
      tenantId: true,
      address: true,
      policy: true,
      entries: { select: { role: true, address: true, mailbox: { select: { status: true, addresses: { select: { address: true } } } } } },
      tenant: { select: { domains: { select: { name: true, aliasOf: { select: { name: true } } } } } },
    },
  });
  if (!list) return null;
  const sendsAs = (role: "member" | "sender") =>
    list.entries.filter((e) => e.role === role).flatMap((e) => [e.address, ...(e.mailbox?.addresses.map((a) => a.address) ?? [])]);
  const deliverTo = list.entries.filter((e) => e.role === "member" && e.mailbox?.status !== "disabled").map((e) => e.address);
  return {
    listId: list.id,
    tenantId: list.tenantId,
    rule: {
      address: list.address,
      policy: list.policy,
      members: [...new Set(sendsAs("member"))],
      senders: [...new Set(sendsAs("sender"))],
      domains: list.tenant.domains.map((d) => ({ name: d.name, aliasOf: d.aliasOf?.name ?? null })),
    },
    deliverTo: [...new Set(deliverTo)],
  };
}
