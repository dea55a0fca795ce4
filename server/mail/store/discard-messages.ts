import type { RowDataPacket } from "mysql2/promise";
import { storeRoot } from "@/server/mail/paths";
import { removeFile } from "./message-files";
import { resolveStorePath } from "./message-path";
import { inTransaction } from "./store-db";

// Takes back messages whose rows were committed but whose file is not durable: its fsync failed,
// or a crash came first (recover-unsynced.ts). No client got a 250 for them, so they leave no
// trace: mailbox copies (usedBytes lowered), quarantine entries, outbox items, delivery-log lines, the message row
// and its mark, then the file. The daily send count is not given back: counting a message that
// was not sent errs on the safe side.

/** Removes every row of the messages `ids` and their files; returns how many messages there were. */
export async function discardMessages(ids: string[]): Promise<number> {
  if (!ids.length) return 0;
  const paths = await inTransaction(async (conn) => {
    // The Mailbox rows first, in id order, as every writer of a mailbox locks them
    // (batch-statements.ts, expunge-messages.ts); then the copies, read again under those locks
    // so a POP3 expunge of the same copy cannot lower usedBytes twice.
    const [holders] = await conn.query<RowDataPacket[]>("SELECT DISTINCT `mailboxId` FROM `StoredMessage` WHERE `messageId` IN (?)", [ids]);
    if (holders.length) await conn.query("SELECT `id` FROM `Mailbox` WHERE `id` IN (?) ORDER BY `id` FOR UPDATE", [holders.map((h) => String(h.mailboxId))]);
    const [copies] = await conn.query<RowDataPacket[]>("SELECT `mailboxId`, `size` FROM `StoredMessage` WHERE `messageId` IN (?) FOR UPDATE", [ids]);
    const bytes = new Map<string, number>();
    for (const c of copies) bytes.set(String(c.mailboxId), (bytes.get(String(c.mailboxId)) ?? 0) + Number(c.size));
    for (const [id, n] of bytes) await conn.query("UPDATE `Mailbox` SET `usedBytes` = GREATEST(CAST(`usedBytes` AS SIGNED) - ?, 0) WHERE `id` = ?", [n, id]);
    const [messages] = await conn.query<RowDataPacket[]>("SELECT `path` FROM `MailMessage` WHERE `id` IN (?) FOR UPDATE", [ids]);
    for (const table of ["StoredMessage", "QuarantineItem", "OutboxItem", "MessageEvent"]) await conn.query(`DELETE FROM \`${table}\` WHERE \`messageId\` IN (?)`, [ids]);
    await conn.query("DELETE FROM `MailMessage` WHERE `id` IN (?)", [ids]);
    return messages.map((m) => String(m.path));
  });
  const root = storeRoot();
  for (const rel of paths) await removeFile(resolveStorePath(root, rel));
  return paths.length;
}
