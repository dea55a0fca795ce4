import type { LocalDelivery, RemoteDelivery } from "@/server/mail/engine.types";
import { classifyAddress } from "@/server/mail/accept/classify-address";
import { resolveRecipient } from "@/server/mail/accept/resolve-recipient";

// Where a DSN to the original envelope sender goes. A platform mailbox gets it in its store
// (quota is not checked: a notice is small, and the sender most needs it when the box is full);
// a role address (postmaster@, abuse@) reaches the tenant's admins as any mail does; an outside
// address gets an outbox row, relayed with tenantId null (the platform's own mail). A list
// never gets one (its members did not send the message), nor does an address that no longer
// leads anywhere (the mailbox was deleted or disabled, the tenant suspended).

export type DsnDestination =
  | { kind: "deliver"; local: LocalDelivery[]; remote: RemoteDelivery[] }
  | { kind: "none"; why: string };

/** Throws when the database cannot be read: the caller retries later. */
export async function dsnDestination(mailFrom: string): Promise<DsnDestination> {
  const c = await classifyAddress(mailFrom);
  switch (c.kind) {
    case "bad_syntax":
      return { kind: "none", why: `the sender address is not valid: ${c.why}` };
    case "foreign":
    case "not_ready":
      return { kind: "deliver", local: [], remote: [{ recipient: c.parsed.address, rcpt: c.parsed.address, tenantId: null }] };
    case "tenant_inactive":
      return { kind: "none", why: "the sender's tenant is suspended" };
    case "unknown":
      return { kind: "none", why: "the sender's address no longer exists" };
    case "list":
      return { kind: "none", why: "the sender is a mailing list" };
    case "mailbox":
      if (!c.mailbox.active) return { kind: "none", why: "the sender's mailbox is disabled" };
      return { kind: "deliver", local: [{ mailboxId: c.mailbox.id, tenantId: c.mailbox.tenantId, address: c.mailbox.address, rcpt: c.parsed.address }], remote: [] };
    case "role": {
      const r = await resolveRecipient({ listener: "mx", address: c.parsed.address, mailFrom: "", sender: null, declaredSize: null });
      if ("code" in r) {
        if (r.code < 500) throw new Error(`looking up ${c.parsed.address} failed: ${r.code} ${r.text}`);
        return { kind: "none", why: r.text };
      }
      return { kind: "deliver", local: r.local, remote: r.remote.map((d) => ({ ...d, tenantId: null })) };
    }
  }
}
