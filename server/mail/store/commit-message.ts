import path from "node:path";
import type { IncomingMessage } from "@/server/mail/engine.types";
import { storeRoot } from "@/server/mail/paths";
import { commitRowsBatch, syncDirectories, type PendingMessage } from "./commit-batch";
import { createGroupCommit } from "./group-commit";
import { ensureDurableDirectory, removeFile, writeDurableFile } from "./message-files";
import { resolveStorePath, storedMessagePath } from "./message-path";
import { CommitUnknownError } from "./store-db";

// The mail store's one way in (issue 7 §3): a message is durable — file fsynced, its directory
// fsynced, its rows committed — before the promise resolves, and only then may the SMTP layer
// answer 250. Commits are grouped (group-commit.ts), so under load many messages share one
// fsync of their directory (run alongside each file's own fsync) and one transaction
// (commit-batch.ts). The rows come last: a row never points at a file a crash could lose.

const syncDirectory = createGroupCommit<PendingMessage>(syncDirectories);
const commitRows = createGroupCommit<PendingMessage>(commitRowsBatch);

/** Makes `msg` durable in the store; throws (and leaves nothing a reader could see) when it could not. */
export async function commitMessage(msg: IncomingMessage): Promise<void> {
  if (!Buffer.isBuffer(msg.bytes) || msg.bytes.length === 0) throw new Error(`message ${msg.id} has no bytes to store`);
  const root = storeRoot();
  const relPath = storedMessagePath(msg.id, msg.receivedAt);
  const absolute = resolveStorePath(root, relPath);
  const directory = path.dirname(absolute);
  await ensureDurableDirectory(root, directory);
  const pending = { msg, relPath, directory };
  await writeDurableFile(absolute, msg.bytes, () => syncDirectory(pending));
  try {
    await commitRows(pending);
  } catch (error) {
    // A file without rows is invisible to readers; removing it now saves the sweep the work.
    // After an uncertain COMMIT the rows may exist, so then the file must stay.
    if (!(error instanceof CommitUnknownError)) await removeFile(absolute).catch(() => {});
    throw error;
  }
}
