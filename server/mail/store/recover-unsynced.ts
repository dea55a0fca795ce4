import { readFile } from "node:fs/promises";
import path from "node:path";
import type { RowDataPacket } from "mysql2/promise";
import { storeRoot } from "@/server/mail/paths";
import { logger } from "@/server/shared/logger";
import { sha256Of } from "./checksum";
import { discardMessages } from "./discard-messages";
import { fsyncDirectory, fsyncFile } from "./message-files";
import { resolveStorePath } from "./message-path";
import { storePool } from "./store-db";

// Run at start, before the listeners open. A message still marked unsynced had its rows
// committed while its file's fsync was running, and the engine stopped before the mark was
// cleared. If its 250 was sent, the fsync had completed, so the file on disk is whole: it is
// kept (and synced again, which costs nothing if it was). A file that is missing or does not
// match its checksum never completed its fsync, so no 250 was sent: the message is discarded.
// After a mere process crash (no power loss) every file is whole and every message is kept.

const log = logger("mail.store");
const CHUNK = 500;

export type Recovery = { kept: number; discarded: number };

type Mark = { messageId: string; sha256: Buffer; path: string };

async function isWhole(mark: Mark): Promise<boolean> {
  let bytes: Buffer;
  try {
    bytes = await readFile(resolveStorePath(storeRoot(), mark.path));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
  return (await sha256Of(bytes)).equals(mark.sha256);
}

async function settle(marks: Mark[]): Promise<Recovery> {
  const whole = await Promise.all(marks.map(isWhole));
  const kept = marks.filter((_, i) => whole[i]);
  const lost = marks.filter((_, i) => !whole[i]).map((m) => m.messageId);
  if (lost.length) await discardMessages(lost);
  const root = storeRoot();
  const files = kept.map((m) => resolveStorePath(root, m.path));
  await Promise.all(files.map(fsyncFile));
  for (const dir of new Set(files.map((f) => path.dirname(f)))) await fsyncDirectory(dir);
  if (kept.length) await storePool().query("DELETE FROM `UnsyncedMessage` WHERE `messageId` IN (?)", [kept.map((m) => m.messageId)]);
  return { kept: kept.length, discarded: lost.length };
}

/** Checks every message still marked unsynced; keeps the whole ones, discards the rest. */
export async function recoverUnsyncedMessages({ chunk = CHUNK } = {}): Promise<Recovery> {
  const total: Recovery = { kept: 0, discarded: 0 };
  for (let after = ""; ; ) {
    const [rows] = await storePool().query<RowDataPacket[]>(
      "SELECT u.`messageId`, u.`sha256`, m.`path` FROM `UnsyncedMessage` u JOIN `MailMessage` m ON m.`id` = u.`messageId` " +
        "WHERE u.`messageId` > ? ORDER BY u.`messageId` LIMIT ?",
      [after, chunk],
    );
    if (!rows.length) break;
    const marks = rows.map((r) => ({ messageId: String(r.messageId), sha256: r.sha256 as Buffer, path: String(r.path) }));
    const done = await settle(marks);
    total.kept += done.kept;
    total.discarded += done.discarded;
    after = marks[marks.length - 1]!.messageId;
  }
  if (total.kept || total.discarded) log.warn("checked messages left unsynced by a stop", total);
  return total;
}
