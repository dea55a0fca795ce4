import type { IncomingMessage } from "@/server/mail/engine.types";
import { isQuarantined, splitLocalDeliveries } from "./local-deliveries";
import { quarantineReason } from "./quarantine-reason";
import { truncateChars } from "./truncate";

// What the delivery log (收发信记录, MessageEvent) says about a message the moment it is stored.
// One line per message, recipient and side, as seed 000 shows 发信 and 收信 separately: the
// sender's tenant sees an outbound line per envelope recipient, each recipient mailbox's tenant
// an inbound line. The relay ([Filtering]) later moves queued lines on (relayed, deferred…).

export type DeliveryLogLine = {
  messageId: string;
  tenantId: string;
  direction: "outbound" | "inbound";
  mailboxId: string | null;
  sender: string;
  recipient: string;
  subject: string;
  status: "delivered" | "queued" | "quarantined";
  reason: string;
  history: { status: string; at: string; reason?: string }[];
  receivedAt: Date;
  updatedAt: Date;
};

const ADDRESS_CHARS = 254;
const SUBJECT_CHARS = 255;
const REASON_CHARS = 500;

const mailboxes = (n: number) => (n === 1 ? "1 mailbox" : `${n} mailboxes`);

/** Why an outbound line has its status: how many copies were stored, held in quarantine, and wait for the relay. */
function outboundReason(local: number, held: number, remote: number): string {
  const parts: string[] = [];
  if (local > 0 || (held === 0 && remote === 0)) parts.push(`delivered to ${mailboxes(local)}`);
  if (held > 0) parts.push(`held in quarantine for ${mailboxes(held)}`);
  if (remote > 0) parts.push(`${remote === 1 ? "1 copy" : `${remote} copies`} queued for the relay`);
  return parts.join(", ");
}

/** The outbound line's status: the relay's while a copy waits for it, else quarantined when every copy is held. */
function outboundStatus(local: number, held: number, remote: number): DeliveryLogLine["status"] {
  if (remote > 0) return "queued";
  return held > 0 && local === 0 ? "quarantined" : "delivered";
}

/** The delivery log lines for a message that is being committed to the store. */
export function deliveryLogLines(msg: IncomingMessage): DeliveryLogLine[] {
  const at = msg.receivedAt.toISOString();
  const sender = truncateChars(msg.mailFrom || msg.sender?.address || "", ADDRESS_CHARS);
  const subject = truncateChars(msg.subject, SUBJECT_CHARS);
  const line = (
    fields: Pick<DeliveryLogLine, "tenantId" | "direction" | "mailboxId" | "recipient" | "status" | "reason">,
  ): DeliveryLogLine => {
    const reason = truncateChars(fields.reason, REASON_CHARS);
    return {
      ...fields,
      messageId: msg.id,
      recipient: truncateChars(fields.recipient, ADDRESS_CHARS),
      reason,
      sender,
      subject,
      history: [{ status: "received", at }, { status: fields.status, at, reason }],
      receivedAt: msg.receivedAt,
      updatedAt: msg.receivedAt,
    };
  };

  const lines: DeliveryLogLine[] = [];
  const account = msg.sender;
  if (account) {
    const seen = new Set<string>();
    for (const r of msg.recipients) {
      const rcpt = r.rcpt.toLowerCase();
      if (seen.has(rcpt)) continue;
      seen.add(rcpt);
      const mailboxIds = new Set(r.local.map((l) => l.mailboxId));
      const held = new Set(r.local.filter((l) => isQuarantined(msg.quarantine, l)).map((l) => l.mailboxId)).size;
      const local = mailboxIds.size - held;
      const remote = new Set(r.remote.map((d) => d.recipient.toLowerCase())).size;
      lines.push(line({
        tenantId: account.tenantId,
        direction: "outbound",
        mailboxId: account.mailboxId,
        recipient: rcpt,
        status: outboundStatus(local, held, remote),
        reason: outboundReason(local, held, remote),
      }));
    }
  } else {
    // Mail from outside that a tenant's list sends on to outside members: the list's tenant is
    // the one relaying it, so it sees an outbound line per outside copy.
    const seen = new Set<string>();
    for (const r of msg.recipients) {
      for (const d of r.remote) {
        const key = d.recipient.toLowerCase();
        if (d.tenantId === null || seen.has(key)) continue;
        seen.add(key);
        lines.push(line({ tenantId: d.tenantId, direction: "outbound", mailboxId: null, recipient: key, status: "queued", reason: `queued for the relay (via ${r.rcpt.toLowerCase()})` }));
      }
    }
  }
  const { stored, held } = splitLocalDeliveries(msg);
  const via = (l: (typeof stored)[number]) => (l.rcpt.toLowerCase() === l.address.toLowerCase() ? "" : ` (via ${l.rcpt.toLowerCase()})`);
  for (const l of stored) {
    lines.push(line({ tenantId: l.tenantId, direction: "inbound", mailboxId: l.mailboxId, recipient: l.address, status: "delivered", reason: `delivered to the mailbox${via(l)}` }));
  }
  // Lines keep the recipients' order within each group; a held copy's reason names the verdict.
  for (const l of held) {
    const reason = msg.quarantine ? quarantineReason(msg.quarantine) : "quarantined";
    lines.push(line({ tenantId: l.tenantId, direction: "inbound", mailboxId: l.mailboxId, recipient: l.address, status: "quarantined", reason: `${reason}${via(l)}` }));
  }
  return lines;
}
