import type { IncomingMessage } from "@/server/mail/engine.types";
import { mailHostname } from "@/server/mail/paths";
import { commitMessage } from "@/server/mail/store/commit-message";
import { clock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { DomainError, notFound, say } from "@/server/shared/errors";
import { logger } from "@/server/shared/logger";
import { enqueueOutbound } from "../enqueue-outbound";
import { dsnDestination } from "./dsn-destination";
import { dsnMessageId } from "./dsn-id";
import { buildDsn } from "./dsn-report";
import { readOriginalHeaders } from "./original-headers";
import { ZSendDsnInput, type SendDsnInput, type TSendDsnInput } from "./send-dsn.types";

export type { DsnRecipient, SendDsnInput } from "./send-dsn.types";

const log = logger("mail.dsn");

/**
 * Sends the original envelope sender a delivery status notification (RFC 3464) about some of a
 * message's recipients: "failed" (bounced, or given up after the retry period) or "delayed"
 * (the 4-hour warning). The notice is stored like any message from the platform (null sender,
 * so it can never bounce in turn): in the sender's mailbox when it is ours, else as an outbox row
 * that the relay sends. Returns null when no notice is due: the original had the null sender
 * (a bounce must never bounce), or its sender no longer leads anywhere.
 *
 * Idempotent: the notice's id derives from the message, the kind and the recipients
 * (dsn-id.ts), so calling again after a crash or a retry returns the stored notice's id
 * instead of sending a second one. Throws DomainError BAD_INPUT / NOT_FOUND for bad input, and
 * other errors when the database or the store fail (the caller retries).
 */
export async function sendDsn(input: SendDsnInput): Promise<{ dsnMessageId: string } | null> {
  const parsed = ZSendDsnInput.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[issue.path.join(".")] ??= []).push(issue.message);
    throw new DomainError("BAD_INPUT", say("The delivery status notification is not valid", "退信通知的内容无效"), fieldErrors);
  }
  const { messageId, kind, recipients } = parsed.data;
  const original = await db.mailMessage.findUnique({
    where: { id: messageId },
    select: { id: true, mailFrom: true, subject: true, headerMessageId: true, receivedAt: true, path: true },
  });
  if (!original) throw notFound("Message");
  if (original.mailFrom === "") return null;

  const id = dsnMessageId(original, kind, recipients.map((r) => r.recipient));
  // Concurrent calls for the same notice in this process share one attempt; across processes
  // the store's primary key (and the file's O_EXCL) lets only one of them insert it.
  let attempt = inFlight.get(id);
  if (!attempt) {
    attempt = storeNotice(id, { ...parsed.data, original }).finally(() => inFlight.delete(id));
    inFlight.set(id, attempt);
  }
  return attempt;
}

type Original = { id: string; mailFrom: string; subject: string; headerMessageId: string | null; receivedAt: Date; path: string };

const inFlight = new Map<string, Promise<{ dsnMessageId: string } | null>>();

async function storeNotice(id: string, { messageId, kind, recipients, original }: TSendDsnInput & { original: Original }): Promise<{ dsnMessageId: string } | null> {
  if (await isStored(id)) return { dsnMessageId: id };
  const destination = await dsnDestination(original.mailFrom);
  if (destination.kind === "none") {
    log.warn("no delivery status notification sent", { messageId, kind, sender: original.mailFrom, why: destination.why });
    return null;
  }

  const hostname = mailHostname();
  const now = clock.now();
  const built = buildDsn({
    id,
    hostname,
    date: now,
    kind,
    original: { ...original, queueId: original.id, headers: await readOriginalHeaders(original.path) },
    recipients,
  });
  const msg: IncomingMessage = {
    id,
    receivedAt: now,
    // Made by the engine itself; "mx" is the closest listener (mail that arrives for a mailbox).
    listener: "mx",
    clientIp: "127.0.0.1",
    helo: hostname,
    mailFrom: "",
    sender: null,
    recipients: [{ rcpt: original.mailFrom, local: destination.local, remote: destination.remote, maxMessageBytes: built.bytes.length }],
    subject: built.subject,
    headerMessageId: built.headerMessageId,
    bytes: built.bytes,
    quarantine: null,
  };
  try {
    await commitMessage(msg);
  } catch (error) {
    // Another process stored the same notice first (its rows, or its file, exist): a caller
    // that retries later finds it stored; one that finds the rows now is done.
    if (await isStored(id)) return { dsnMessageId: id };
    throw error;
  }
  if (destination.remote.length) enqueueOutbound([id]);
  log.info("delivery status notification sent", { messageId, dsnMessageId: id, kind, recipients: recipients.length, to: original.mailFrom, remote: destination.remote.length > 0 });
  return { dsnMessageId: id };
}

async function isStored(id: string): Promise<boolean> {
  return (await db.mailMessage.count({ where: { id } })) > 0;
}
