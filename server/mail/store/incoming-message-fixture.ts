import type { IncomingMessage, LocalDelivery, MailAccount, ResolvedRecipient } from "@/server/mail/engine.types";
import { ulid } from "@/server/mail/ulid";

// Messages as the SMTP layer hands them to the store, for the store's tests and its micro-bench.
// Not imported by application code.

type Box = { id: string; tenantId: string; address: string };

/** A copy of `msg` for `box`, reached through `rcpt` (default: the mailbox's own address). */
export function localTo(box: Box, rcpt = box.address, listId?: string): LocalDelivery {
  return { mailboxId: box.id, tenantId: box.tenantId, address: box.address, rcpt, ...(listId ? { listId } : {}) };
}

/** A recipient that resolved to these local copies (and remote addresses, relayed for `tenantId`). */
export function recipient(rcpt: string, local: LocalDelivery[], remote: string[] = [], tenantId: string | null = null): ResolvedRecipient {
  return { rcpt, local, remote: remote.map((r) => ({ recipient: r, rcpt, tenantId })), maxMessageBytes: 50 * 1024 * 1024 };
}

/** The account of a mailbox that signed in to submission. */
export function accountOf(box: Box): MailAccount {
  return { mailboxId: box.id, tenantId: box.tenantId, address: box.address, sendAs: [box.address], timeZone: "Asia/Shanghai", dailySendLimit: 1000 };
}

/** A message with CRLF bytes of about `bodyBytes` (a Received header first, as the engine writes). */
export function incomingMessage(over: Partial<IncomingMessage> & { recipients: ResolvedRecipient[]; bodyBytes?: number; body?: string }): IncomingMessage {
  const receivedAt = over.receivedAt ?? new Date();
  const id = over.id ?? ulid(receivedAt);
  const subject = over.subject ?? `Test ${id}`;
  const body = over.body ?? "x".repeat(over.bodyBytes ?? 200).replace(/(.{76})/g, "$1\r\n");
  const headers = [
    `Received: from client.example (127.0.0.1) by mx.mailstead.test with ESMTP id ${id}; ${receivedAt.toUTCString()}`,
    `From: ${over.mailFrom ?? "someone@outside.example"}`,
    `Subject: ${subject}`,
    `Message-ID: <${id}@outside.example>`,
  ];
  const { bodyBytes: _b, body: _body, ...rest } = over;
  return {
    id,
    receivedAt,
    listener: "mx",
    clientIp: "127.0.0.1",
    helo: "client.example",
    mailFrom: "someone@outside.example",
    sender: null,
    subject,
    headerMessageId: `${id}@outside.example`,
    bytes: Buffer.from(`${headers.join("\r\n")}\r\n\r\n${body}\r\n`),
    ...rest,
  };
}
