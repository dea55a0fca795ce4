import type { PoolConnection, RowDataPacket } from "mysql2/promise";
import { storeRoot } from "@/server/mail/paths";
import { logger } from "@/server/shared/logger";
import { removeFile } from "./message-files";
import { resolveStorePath } from "./message-path";

// A message (MailMessage row and spool file) lives while anything still needs it: a mailbox copy
// (StoredMessage), an outbox item waiting for the relay, or a quarantine entry. Whoever removes
// one of those calls this in the same transaction, and removes the returned files after COMMIT
// (a crash in between leaves an orphan file, which sweepOrphanFiles removes).
//
// Concurrency: the MailMessage rows are locked (FOR UPDATE) before the references are read, and
// the references are read by a separate, plain statement. Two transactions dropping the last two
// references of one message then run one after the other: the first still sees the second's
// (uncommitted) reference and keeps the message; the second, once it has the lock, reads afresh
// and drops it. That holds under READ COMMITTED, and under REPEATABLE READ as long as the
// transaction made no plain read before (its snapshot starts at its first plain read), as in
// expunge-messages.ts, whose earlier statements all lock. Adding a reference to an existing
// message (a quarantine release) checks its foreign key with a shared lock on the MailMessage
// row, so it cannot slip in while the row is locked here.

const log = logger("mail.store");

/** The smallest surface both drivers offer: the store's mysql2 connections and Prisma transactions. */
export type SqlRunner = (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

/** A mysql2 connection (the store's pool) as a SqlRunner. */
export const mysqlRunner =
  (conn: PoolConnection): SqlRunner =>
  async (sql, params) => {
    const [rows] = await conn.query<RowDataPacket[]>(sql, params);
    return Array.isArray(rows) ? (rows as Record<string, unknown>[]) : [];
  };

/** A Prisma transaction client as a SqlRunner ($queryRawUnsafe takes any statement). */
export const prismaRunner =
  (tx: { $queryRawUnsafe: (sql: string, ...values: unknown[]) => Promise<unknown> }): SqlRunner =>
  async (sql, params) => {
    const rows = await tx.$queryRawUnsafe(sql, ...params);
    return Array.isArray(rows) ? (rows as Record<string, unknown>[]) : [];
  };

const list = (n: number) => Array.from({ length: n }, () => "?").join(",");

/**
 * Deletes the MailMessage rows among `messageIds` that no StoredMessage, OutboxItem or
 * QuarantineItem references any more; returns the paths (relative to the store root) of their
 * files, to remove after the transaction commits (removeMessageFiles).
 */
export async function dropUnreferencedMessages(sql: SqlRunner, messageIds: string[]): Promise<string[]> {
  const ids = [...new Set(messageIds)].sort();
  if (!ids.length) return [];
  const locked = await sql(`SELECT \`id\`, \`path\` FROM \`MailMessage\` WHERE \`id\` IN (${list(ids.length)}) ORDER BY \`id\` FOR UPDATE`, ids);
  if (!locked.length) return [];
  const lockedIds = locked.map((m) => String(m.id));
  const referenced = await sql(
    ["StoredMessage", "OutboxItem", "QuarantineItem"].map((t) => `SELECT DISTINCT \`messageId\` FROM \`${t}\` WHERE \`messageId\` IN (${list(lockedIds.length)})`).join(" UNION "),
    [...lockedIds, ...lockedIds, ...lockedIds],
  );
  const keep = new Set(referenced.map((r) => String(r.messageId)));
  const gone = locked.filter((m) => !keep.has(String(m.id)));
  if (!gone.length) return [];
  await sql(`DELETE FROM \`MailMessage\` WHERE \`id\` IN (${list(gone.length)})`, gone.map((m) => String(m.id)));
  return gone.map((m) => String(m.path));
}

/** Removes the files of dropped messages; a failure is logged (the orphan sweep gets it later), never thrown. */
export async function removeMessageFiles(paths: string[]): Promise<void> {
  const root = storeRoot();
  for (const rel of paths) {
    await removeFile(resolveStorePath(root, rel)).catch((error: unknown) => log.warn("could not remove a dropped message's file", { path: rel, error: String(error) }));
  }
}
