import { logger } from "@/server/shared/logger";
import { storePool } from "./store-db";

// The UnsyncedMessage marks of messages whose fsync has completed, deleted in the background:
// one small DELETE a second at most, off the 250's path. A mark left behind (a crash, a failed
// delete) costs only a re-check of its file at the next start (recover-unsynced.ts).

const log = logger("mail.store");
const FLUSH_AFTER_MS = 1000;
const CHUNK = 5000;

let synced: string[] = [];
let timer: NodeJS.Timeout | undefined;
let flushing: Promise<void> | undefined;

async function deleteMarks(): Promise<void> {
  while (synced.length) {
    const ids = synced.slice(0, CHUNK);
    try {
      await storePool().query("DELETE FROM `UnsyncedMessage` WHERE `messageId` IN (?)", [ids]);
    } catch (error) {
      log.warn("could not clear the marks of synced messages; they are re-checked at the next start", { messages: ids.length, error: String(error) });
    }
    // Taken out either way: a mark that stays is harmless, and retrying forever is not.
    synced = synced.slice(ids.length);
  }
}

/** Deletes every pending mark now (engine shutdown, tests). */
export function flushSyncedMarks(): Promise<void> {
  clearTimeout(timer);
  timer = undefined;
  flushing ??= deleteMarks().finally(() => (flushing = undefined));
  return flushing;
}

/** Notes that message `id`'s file is durable: its mark goes with the next flush. */
export function markSynced(id: string): void {
  synced.push(id);
  timer ??= setTimeout(() => void flushSyncedMarks(), FLUSH_AFTER_MS).unref();
}

/**
 * Deletes the marks of these (synced) messages at once instead of with the next flush: the relay
 * will not send a message while its mark exists, so mail for outside recipients clears its mark
 * before it is handed on, rather than waiting up to a second and the relay's re-check after it.
 */
export async function clearMarksNow(ids: string[]): Promise<void> {
  const now = new Set(ids);
  synced = synced.filter((id) => !now.has(id));
  await storePool().query("DELETE FROM `UnsyncedMessage` WHERE `messageId` IN (?)", [ids]);
}
