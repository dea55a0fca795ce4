import { db } from "@/server/shared/db";
import { loadListForDelivery, type ListForDelivery } from "@/server/tenants/lists/load-list-for-delivery";
import { addressCache } from "./accept-caches";

export type TargetMailbox = {
  id: string;
  tenantId: string;
  /** Its own address (an alias leads here too). */
  address: string;
  active: boolean;
  quotaMb: number;
  /** As of the lookup: cached for MAIL_CACHE_SECONDS, so a few seconds stale at most. */
  usedBytes: number;
};

/** What a MailAddress row leads to: a mailbox (its own address or an alias) or a list. */
export type AddressTarget = { kind: "mailbox"; mailbox: TargetMailbox } | { kind: "list"; list: ListForDelivery };

/** `address`: lower-case, ASCII domain. Null when no mailbox, alias or list has it. Cached (accept-caches). */
export function loadAddressTarget(address: string): Promise<AddressTarget | null> {
  return addressCache.get(address, async () => {
    const row = await db.mailAddress.findUnique({
      where: { address },
      select: {
        kind: true,
        mailbox: { select: { id: true, tenantId: true, address: true, status: true, quotaMb: true, usedBytes: true } },
      },
    });
    if (!row) return null;
    if (row.kind === "list") {
      const list = await loadListForDelivery(address);
      return list ? { kind: "list", list } : null;
    }
    const m = row.mailbox;
    if (!m) return null;
    return {
      kind: "mailbox",
      mailbox: { id: m.id, tenantId: m.tenantId, address: m.address, active: m.status === "active", quotaMb: m.quotaMb, usedBytes: Number(m.usedBytes) },
    };
  });
}
