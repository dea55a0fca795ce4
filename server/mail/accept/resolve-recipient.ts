import { logger } from "@/server/shared/logger";
import type { Listener, MailAccount, ResolvedRecipient, SmtpRefusal } from "../engine.types";
import { classifyAddress, type Classified } from "./classify-address";
import { expandGroup, groupOf } from "./expand-list";
import { loadPlatformDomain } from "./load-platform-domain";
import { DEFAULT_ATTACHMENT_LIMIT_MB, maxMessageBytes } from "./message-size";
import { badRecipientSyntax, domainNotReady, lookupFailed, mailboxDisabled, mailboxFull, messageTooBig, relayingDenied, tenantSuspended, unknownUser } from "./refusals";

const log = logger("mail.accept");
const MIB = 1024 * 1024;

export type ResolveRecipientInput = {
  listener: Listener;
  /** The RCPT TO address as the client wrote it (without angle brackets). */
  address: string;
  /** The transaction's MAIL FROM ("" for the null sender); lists judge their policy on it. */
  mailFrom: string;
  /** The authenticated account (submission), else null. */
  sender: MailAccount | null;
  /** MAIL FROM's SIZE= parameter, when the client gave one. */
  declaredSize: number | null;
};

/**
 * RCPT TO: what the engine does with one envelope recipient (issue 7 §2), or the refusal to
 * answer. Codes: see refusals.ts. A database failure is a 451 (try later), never a 5xx.
 */
export async function resolveRecipient(input: ResolveRecipientInput): Promise<ResolvedRecipient | SmtpRefusal> {
  try {
    const resolved = await resolve(input, await classifyAddress(input.address));
    if ("code" in resolved) return resolved;
    if (input.declaredSize !== null && input.declaredSize > resolved.maxMessageBytes) return messageTooBig(resolved.rcpt, input.declaredSize, resolved.maxMessageBytes);
    return resolved;
  } catch (e) {
    log.error("recipient lookup failed", { error: e instanceof Error ? e.message : String(e) });
    return lookupFailed();
  }
}

async function resolve(input: ResolveRecipientInput, c: Classified): Promise<ResolvedRecipient | SmtpRefusal> {
  const relayFor = input.listener === "submission" ? input.sender : null;
  switch (c.kind) {
    case "bad_syntax":
      return badRecipientSyntax(input.address, c.why);
    case "foreign":
    case "not_ready":
      // An authenticated user may send anywhere; a platform domain that does not receive here
      // (an unproven claim, or an MX that points elsewhere) is delivered by DNS like any other.
      if (relayFor) return relayed(c.parsed.address, relayFor);
      return c.kind === "foreign" ? relayingDenied(c.parsed.address) : domainNotReady(c.parsed.domain);
    case "tenant_inactive":
      return tenantSuspended(c.parsed.address);
    case "unknown":
      return unknownUser(c.parsed.address);
    case "mailbox": {
      const { mailbox } = c;
      if (!mailbox.active) return mailboxDisabled(c.parsed.address);
      const max = maxMessageBytes(c.domain.attachmentLimitMb);
      // Checked here, before quota, so an oversized message gets the more useful answer.
      if (input.declaredSize !== null && input.declaredSize > max) return messageTooBig(c.parsed.address, input.declaredSize, max);
      if (mailbox.usedBytes + (input.declaredSize ?? 0) >= mailbox.quotaMb * MIB) return mailboxFull(c.parsed.address, mailbox.quotaMb);
      return {
        rcpt: c.parsed.address,
        local: [{ mailboxId: mailbox.id, tenantId: mailbox.tenantId, address: mailbox.address, rcpt: c.parsed.address }],
        remote: [],
        maxMessageBytes: max,
      };
    }
    case "list":
    case "role": {
      const x = await expandGroup(groupOf(c)!, c.parsed.address, input.mailFrom);
      if ("code" in x) return x;
      // A postmaster@ with no administrator to read it (none active) is as good as unknown.
      if (c.kind === "role" && x.local.size + x.remote.size === 0) return unknownUser(c.parsed.address);
      return {
        rcpt: c.parsed.address,
        local: [...x.local.values()],
        remote: [...x.remote.values()],
        maxMessageBytes: Math.min(...[...x.attachmentLimits.values()].map(maxMessageBytes)),
      };
    }
  }
}

/** Queued for the relay on the sender's behalf; the sender's plan bounds the size. */
async function relayed(address: string, sender: MailAccount): Promise<ResolvedRecipient> {
  const own = await loadPlatformDomain(sender.address.slice(sender.address.lastIndexOf("@") + 1));
  const limitMb = own?.attachmentLimitMb ?? DEFAULT_ATTACHMENT_LIMIT_MB;
  return { rcpt: address, local: [], remote: [{ recipient: address, rcpt: address, tenantId: sender.tenantId }], maxMessageBytes: maxMessageBytes(limitMb) };
}
