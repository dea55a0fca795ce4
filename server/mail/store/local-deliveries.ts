import type { IncomingMessage, LocalDelivery, RemoteDelivery } from "@/server/mail/engine.types";

// A message reaches a mailbox once however many of its addresses, aliases or lists it was sent
// to (StoredMessage is unique per mailbox and message), and a remote address is relayed once.

/** The message's local copies, one per mailbox, in recipient order (the first route wins). */
export function uniqueLocalDeliveries(msg: Pick<IncomingMessage, "recipients">): LocalDelivery[] {
  const seen = new Map<string, LocalDelivery>();
  for (const r of msg.recipients) for (const l of r.local) if (!seen.has(l.mailboxId)) seen.set(l.mailboxId, l);
  return [...seen.values()];
}

/** The message's remote copies, one per recipient address (case-insensitive). */
export function uniqueRemoteDeliveries(msg: Pick<IncomingMessage, "recipients">): RemoteDelivery[] {
  const seen = new Map<string, RemoteDelivery>();
  for (const r of msg.recipients) {
    for (const d of r.remote) {
      const key = d.recipient.toLowerCase();
      if (!seen.has(key)) seen.set(key, { ...d, recipient: key });
    }
  }
  return [...seen.values()];
}
