import path from "node:path";
import type { IncomingMessage } from "@/server/mail/engine.types";
import { storeRoot } from "@/server/mail/paths";
import { logger } from "@/server/shared/logger";
import { sha256Of } from "./checksum";
import { commitRowsBatch, syncDirectories, type PendingMessage } from "./commit-batch";
import { discardMessages } from "./discard-messages";
import { createGroupCommit } from "./group-commit";
import { ensureDurableDirectory, removeFile, syncMessageFile, writeMessageFile } from "./message-files";
import { resolveStorePath, storedMessagePath } from "./message-path";
import { CommitUnknownError } from "./store-db";
import { markSynced } from "./unsynced-marks";

// The mail store's one way in (issue 7 §3): a message is durable — file fsynced, its directory
// fsynced, its rows committed — before the promise resolves, and only then may the SMTP layer
// answer 250. Once the file is written, its fsync and the commit of its rows run at the same
// time, so the 250 waits for the slower of the two rather than their sum; the rows carry an
// UnsyncedMessage mark with the file's checksum until the fsync is confirmed, so a crash in
// between is caught at the next start (recover-unsynced.ts). Both stages are grouped
// (group-commit.ts): under load many messages share one fsync of their directory (run
// alongside each file's own fsync) and one transaction (commit-batch.ts).

const log = logger("mail.store");
const syncDirectory = createGroupCommit<PendingMessage>(syncDirectories);
const commitRows = createGroupCommit<PendingMessage>(commitRowsBatch);

/** Takes back rows committed for a file that did not become durable; a failure leaves the mark for the next start. */
async function discardAfterFailedSync(id: string): Promise<void> {
  await discardMessages([id]).catch((error: unknown) =>
    log.error("could not take back a message whose file failed to sync; the next start checks it", { messageId: id, error: String(error) }),
  );
}

/** Makes `msg` durable in the store; throws (and leaves nothing a reader could see) when it could not. */
export async function commitMessage(msg: IncomingMessage): Promise<void> {
  if (!Buffer.isBuffer(msg.bytes) || msg.bytes.length === 0) throw new Error(`message ${msg.id} has no bytes to store`);
  const root = storeRoot();
  const relPath = storedMessagePath(msg.id, msg.receivedAt);
  const absolute = resolveStorePath(root, relPath);
  const directory = path.dirname(absolute);
  const [sha256] = await Promise.all([sha256Of(msg.bytes), ensureDurableDirectory(root, directory)]);
  const pending = { msg, relPath, directory, sha256 };
  // The rows are committed only once the bytes are written: a reader that finds them finds the whole file.
  const file = await writeMessageFile(absolute, msg.bytes);
  const [synced, rows] = await Promise.allSettled([syncMessageFile(file, () => syncDirectory(pending)), commitRows(pending)]);
  if (synced.status === "fulfilled" && rows.status === "fulfilled") {
    markSynced(msg.id);
    return;
  }
  if (rows.status === "fulfilled") {
    // syncMessageFile removed the file; the committed rows must go too (no 250 was given).
    await discardAfterFailedSync(msg.id);
    throw (synced as PromiseRejectedResult).reason;
  }
  // The rows failed: a file without rows is invisible to readers; removing it now saves the
  // sweep the work. After an uncertain COMMIT the rows may exist, so then the file must stay
  // (its mark, if committed, has it checked at the next start).
  if (!(rows.reason instanceof CommitUnknownError)) await removeFile(absolute).catch(() => {});
  throw rows.reason;
}
