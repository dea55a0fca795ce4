import type { RowDataPacket } from "mysql2/promise";
import { dropUnreferencedMessages, mysqlRunner, removeMessageFiles } from "./drop-unreferenced-messages";
import { inTransaction, isLockConflict } from "./store-db";

// POP3 QUIT (RFC 1939 UPDATE state): the messages marked deleted leave the mailbox in one
// transaction. A message shared with other mailboxes stays until the last copy is gone; then
// its MailMessage row goes too, and its file after the commit (a crash between the two leaves
// an orphan file, which sweepOrphanFiles removes). A quarantine entry also keeps the message.

type Removed = { deleted: number; files: string[] };

async function expungeOnce(mailboxId: string, ids: string[]): Promise<Removed> {
  return inTransaction(async (conn) => {
    // The Mailbox row first, as commits lock it first: same order, no deadlock between them.
    const [box] = await conn.query<RowDataPacket[]>("SELECT `id` FROM `Mailbox` WHERE `id` = ? FOR UPDATE", [mailboxId]);
    if (!box.length) return { deleted: 0, files: [] };
    const [rows] = await conn.query<RowDataPacket[]>(
      "SELECT `id`, `messageId`, `size` FROM `StoredMessage` WHERE `mailboxId` = ? AND `id` IN (?) FOR UPDATE",
      [mailboxId, ids],
    );
    if (!rows.length) return { deleted: 0, files: [] };
    const bytes = rows.reduce((sum, r) => sum + Number(r.size), 0);
    await conn.query("DELETE FROM `StoredMessage` WHERE `mailboxId` = ? AND `id` IN (?)", [mailboxId, rows.map((r) => String(r.id))]);
    await conn.query("UPDATE `Mailbox` SET `usedBytes` = GREATEST(CAST(`usedBytes` AS SIGNED) - ?, 0) WHERE `id` = ?", [bytes, mailboxId]);
    const files = await dropUnreferencedMessages(mysqlRunner(conn), rows.map((r) => String(r.messageId)));
    return { deleted: rows.length, files };
  });
}

/**
 * Deletes the StoredMessage rows `storedIds` of `mailboxId` (ids of other mailboxes are left
 * alone), lowers the mailbox's usedBytes by their sizes, and removes messages no mailbox, outbox item or
 * quarantine entry needs any more. Returns how many copies were deleted; idempotent.
 */
export async function expungeMessages(mailboxId: string, storedIds: bigint[]): Promise<number> {
  if (!storedIds.length) return 0;
  const ids = [...new Set(storedIds.map((id) => id.toString()))];
  let removed: Removed;
  try {
    removed = await expungeOnce(mailboxId, ids);
  } catch (error) {
    // Two sessions expunging copies of one message can deadlock on it; one retry settles it.
    if (!isLockConflict(error)) throw error;
    removed = await expungeOnce(mailboxId, ids);
  }
  await removeMessageFiles(removed.files);
  return removed.deleted;
}
