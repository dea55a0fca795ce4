import type { IncomingMessage, LocalDelivery, QuarantineVerdict, RemoteDelivery } from "@/server/mail/engine.types";

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

/** True when the filters' verdict holds this copy for review (its tenant is covered by the verdict). */
export function isQuarantined(verdict: QuarantineVerdict | null | undefined, delivery: Pick<LocalDelivery, "tenantId">): verdict is QuarantineVerdict {
  return !!verdict && (verdict.tenantIds === null || verdict.tenantIds.includes(delivery.tenantId));
}

/** The local copies that go into mailboxes, and those held in quarantine instead. */
export function splitLocalDeliveries(msg: Pick<IncomingMessage, "recipients" | "quarantine">): { stored: LocalDelivery[]; held: LocalDelivery[] } {
  const stored: LocalDelivery[] = [];
  const held: LocalDelivery[] = [];
  for (const l of uniqueLocalDeliveries(msg)) (isQuarantined(msg.quarantine, l) ? held : stored).push(l);
  return { stored, held };
}
