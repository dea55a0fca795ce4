import type { SMTPServerDataStream, SMTPServerSession } from "smtp-server";
import type { IncomingMessage, SmtpRefusal } from "../engine.types";
import { releaseDailySends, reserveDailySends } from "../accept/daily-limit";
import { commitMessage } from "../store/commit-message";
import { clearMarksNow } from "../store/unsynced-marks";
import { enqueueOutbound } from "../outbound/enqueue-outbound";
import { hasHooks, runDataHooks } from "../hooks/smtp-hooks";
import { mailHostname } from "../paths";
import { ulid } from "../ulid";
import { clock } from "@/server/shared/clock";
import { logger } from "@/server/shared/logger";
import { readMessageHeaders } from "./message-headers";
import { readMessage, toCrlf } from "./read-message";
import { receivedHeader, safeHelo } from "./received-header";
import { stripOwnAuthResults } from "./strip-own-auth-results";
import { localError, messageOverRecipientLimit, messageOverServerLimit } from "./smtp-replies";
import { senderOf, type SessionInfo } from "./transaction-state";

const log = logger("mail.smtp");

export type DataResult = { accepted: IncomingMessage } | SmtpRefusal;

/**
 * DATA: reads the message (bounded by the server's and every recipient's size limit), builds
 * the IncomingMessage with our Received header, runs the data hooks, and makes it durable.
 * Resolves only after commitMessage has fsynced and committed — the 250 is a promise.
 */
export async function dataStep(info: SessionInfo, stream: SMTPServerDataStream, session: SMTPServerSession, serverLimit: number): Promise<DataResult> {
  const tx = info.tx;
  if (!tx || tx.recipients.length === 0) return localError(); // smtp-server checks RCPT first; a defensive refusal
  const smallest = tx.recipients.reduce((a, r) => (r.maxMessageBytes < a.maxMessageBytes ? r : a));
  const limit = Math.min(serverLimit, smallest.maxMessageBytes);
  const read = await readMessage(stream, limit);
  if (stream.sizeExceeded || read.size > serverLimit) return messageOverServerLimit(serverLimit);
  if (read.tooBig) return messageOverRecipientLimit(smallest.rcpt, smallest.maxMessageBytes);

  const receivedAt = clock.now();
  const id = ulid(receivedAt);
  // A forged record under our own authserv-id (the filter's, mailHostname()) goes before anything reads it.
  const original = stripOwnAuthResults(toCrlf(read.bytes), mailHostname());
  const sender = senderOf(session);
  const base: Omit<IncomingMessage, "bytes"> = {
    id,
    receivedAt,
    listener: info.listener,
    clientIp: session.remoteAddress,
    helo: safeHelo(session.hostNameAppearsAs || ""),
    mailFrom: tx.mailFrom,
    sender,
    recipients: tx.recipients,
    ...readMessageHeaders(original),
  };
  const outcome = hasHooks("data") ? await runDataHooks({ ...base, bytes: original }) : null;
  if (outcome?.refusal) return outcome.refusal;

  const trace = receivedHeader({
    helo: base.helo,
    clientIp: base.clientIp,
    by: mailHostname(),
    protocol: session.transmissionType || "ESMTP",
    id,
    recipients: tx.recipients.map((r) => r.rcpt),
    at: receivedAt,
  });
  const added = outcome?.headers.length ? outcome.headers.map((h) => `${h.replace(/[\r\n]+/g, " ")}\r\n`).join("") : "";
  const msg: IncomingMessage = { ...base, bytes: Buffer.concat([Buffer.from(trace + added, "utf8"), original]), quarantine: outcome?.quarantine ?? null };

  const reserved = sender ? tx.recipients.length : 0;
  if (sender) {
    const over = await reserveDailySends(sender, reserved);
    if (over) return over;
  }
  try {
    await commitMessage(msg);
  } catch (e) {
    log.error("commit failed", { id, error: e instanceof Error ? e.message : String(e) });
    if (sender) await releaseDailySends(sender, reserved).catch((r: unknown) => log.error("release of daily sends failed", { id, error: String(r) }));
    return localError();
  }
  // The outbox rows are committed and the file durable: hand them to the relay now, off the 250's
  // path (a failure only leaves the rows to the sweeper, within OUTBOUND_SWEEP_SECONDS).
  if (msg.recipients.some((r) => r.remote.length > 0)) {
    clearMarksNow([id]).then(
      () => enqueueOutbound([id]),
      (e: unknown) => log.warn("could not clear the unsynced mark before relaying; the sweeper will send it", { id, error: String(e) }),
    );
  }
  return { accepted: msg };
}
