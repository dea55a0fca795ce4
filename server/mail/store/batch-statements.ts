import type { IncomingMessage, LocalDelivery } from "@/server/mail/engine.types";
import { messageLatencyMs } from "@/server/mail/log/message-latency";
import { deliveryLogLines, type DeliveryLogLine } from "./delivery-log-lines";
import { env } from "@/server/shared/env";
import { splitLocalDeliveries, uniqueRemoteDeliveries } from "./local-deliveries";
import { truncateChars } from "./truncate";

// The rows a batch of messages adds, as a handful of multi-row statements: one round trip per
// table whatever the batch size, which is what makes group commit pay (stack-notes "SMTP engine").

export type SqlStatement = { sql: string; params: unknown[] };

/**
 * A message whose file is written, with the path (relative to the store root) it was written to
 * and the file's sha256, kept until its fsync is confirmed (UnsyncedMessage).
 */
export type StoredFile = { msg: IncomingMessage; relPath: string; sha256: Buffer };

function insert(table: string, columns: string[], rows: unknown[][]): SqlStatement | null {
  if (!rows.length) return null;
  const tuple = `(${columns.map(() => "?").join(",")})`;
  return {
    sql: `INSERT INTO \`${table}\` (${columns.map((c) => `\`${c}\``).join(",")}) VALUES ${rows.map(() => tuple).join(",")}`,
    params: rows.flat(),
  };
}

/** usedBytes += size for each mailbox stored to, in one statement; ids sorted so concurrent writers lock in one order. */
function usedBytesUpdate(batch: StoredFile[]): SqlStatement | null {
  const added = new Map<string, number>();
  for (const { msg } of batch) for (const l of splitLocalDeliveries(msg).stored) added.set(l.mailboxId, (added.get(l.mailboxId) ?? 0) + msg.bytes.length);
  if (!added.size) return null;
  const ids = [...added.keys()].sort();
  return {
    sql: `UPDATE \`Mailbox\` SET \`usedBytes\` = \`usedBytes\` + CASE \`id\` ${ids.map(() => "WHEN ? THEN ?").join(" ")} END WHERE \`id\` IN (${ids.map(() => "?").join(",")})`,
    params: [...ids.flatMap((id) => [id, added.get(id)]), ...ids],
  };
}

const DAY_MS = 24 * 3600 * 1000;

/**
 * The receive latency of a line (server/mail/log/message-latency.ts): a copy in the mailbox is
 * there once this batch commits, a moment after `now`; every other line gets its figure later, or never.
 */
function lineLatencyMs(e: DeliveryLogLine, now: Date): number | null {
  return e.direction === "inbound" && e.status === "delivered" ? messageLatencyMs(e.receivedAt, now) : null;
}

/** The part after the last @, lower-case (the outbox's per-destination key). */
export function recipientDomain(address: string): string {
  return truncateChars(address.slice(address.lastIndexOf("@") + 1).toLowerCase(), 253);
}

/** QuarantineItem rows for the copies a verdict holds; they expire QUARANTINE_DAYS after receipt. */
function quarantineRows(msg: IncomingMessage, held: LocalDelivery[]): unknown[][] {
  const v = msg.quarantine;
  if (!v || !held.length) return [];
  const expiresAt = new Date(msg.receivedAt.getTime() + env().QUARANTINE_DAYS * DAY_MS);
  const sender = truncateChars(msg.mailFrom, 254);
  const subject = truncateChars(msg.subject, 255);
  const reasons = JSON.stringify(v.reasons);
  return held.map((l) => [msg.id, l.tenantId, l.mailboxId, truncateChars(l.rcpt, 254), sender, subject, v.kind, v.score, reasons, msg.bytes.length, msg.receivedAt, expiresAt]);
}

/**
 * The statements that store `batch`, in the order they must run: the Mailbox rows first (the
 * lock every writer of a mailbox takes first, expunge included, so they cannot deadlock), then
 * the message, its mailbox copies (their autoincrement ids are the UIDs, ascending in arrival
 * order), the copies held in quarantine, the outbox, the delivery log, and the mark that the file's fsync is still running.
 */
export function batchStatements(batch: StoredFile[], now: Date): SqlStatement[] {
  const messages = batch.map(({ msg, relPath }) => [
    msg.id,
    msg.receivedAt,
    msg.listener,
    truncateChars(msg.clientIp, 45),
    truncateChars(msg.helo, 255),
    truncateChars(msg.mailFrom, 254),
    msg.sender?.mailboxId ?? null,
    truncateChars(msg.subject, 255),
    msg.headerMessageId === null ? null : truncateChars(msg.headerMessageId, 255),
    msg.bytes.length,
    relPath,
  ]);
  const split = new Map(batch.map(({ msg }) => [msg.id, splitLocalDeliveries(msg)]));
  const stored = batch.flatMap(({ msg, relPath }) => (split.get(msg.id)?.stored ?? []).map((l) => [l.mailboxId, msg.id, msg.bytes.length, msg.receivedAt, relPath]));
  const held = batch.flatMap(({ msg }) => quarantineRows(msg, split.get(msg.id)?.held ?? []));
  const outbox = batch.flatMap(({ msg }) =>
    uniqueRemoteDeliveries(msg).map((d) => [msg.id, truncateChars(d.recipient, 254), d.tenantId, recipientDomain(d.recipient), "queued", now, now, now]),
  );
  const events = batch.flatMap(({ msg }) =>
    deliveryLogLines(msg).map((e) => [e.messageId, e.tenantId, e.direction, e.mailboxId, e.sender, e.recipient, e.subject, e.status, e.reason, JSON.stringify(e.history), e.receivedAt, e.updatedAt, lineLatencyMs(e, now)]),
  );
  const unsynced = batch.map(({ msg, sha256 }) => [msg.id, sha256, now]);
  return [
    usedBytesUpdate(batch),
    insert("MailMessage", ["id", "receivedAt", "listener", "clientIp", "helo", "mailFrom", "authMailboxId", "subject", "headerMessageId", "size", "path"], messages),
    insert("StoredMessage", ["mailboxId", "messageId", "size", "receivedAt", "path"], stored),
    insert("QuarantineItem", ["messageId", "tenantId", "mailboxId", "rcpt", "sender", "subject", "kind", "score", "reasons", "size", "receivedAt", "expiresAt"], held),
    insert("OutboxItem", ["messageId", "recipient", "tenantId", "domain", "status", "nextAttemptAt", "createdAt", "updatedAt"], outbox),
    insert("MessageEvent", ["messageId", "tenantId", "direction", "mailboxId", "sender", "recipient", "subject", "status", "reason", "history", "receivedAt", "updatedAt", "latencyMs"], events),
    insert("UnsyncedMessage", ["messageId", "sha256", "createdAt"], unsynced),
  ].filter((s): s is SqlStatement => s !== null);
}
