import fs, { constants } from "node:fs";
import { mkdir, open, unlink } from "node:fs/promises";
import { promisify } from "node:util";
import path from "node:path";

// Durable files: a message's bytes are durable when the file is fsynced AND the directory entry
// naming it is (fsync of the directory); a directory created on the way is durable when its
// parent is fsynced too. Without those, a crash can leave a committed row pointing at nothing.

/** fsyncs an existing file or directory (opened read-only: Linux allows fsync on such a descriptor). */
async function fsyncPath(target: string, flags: number): Promise<void> {
  const handle = await open(target, constants.O_RDONLY | flags);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** fsyncs a directory. */
export const fsyncDirectory = (dir: string) => fsyncPath(dir, constants.O_DIRECTORY);

/** fsyncs a file that is already written (a message checked after a crash). */
export const fsyncFile = (file: string) => fsyncPath(file, 0);

// Directories known to exist durably, by absolute path: the hour directory is made once an hour,
// and concurrent writers of its first messages wait for the same mkdir.
const ensured = new Map<string, Promise<void>>();

/**
 * Makes `dir` (and missing ancestors up to and including `root`) and fsyncs the parent of every
 * directory it created, so the new entries survive a crash.
 */
export function ensureDurableDirectory(root: string, dir: string): Promise<void> {
  let pending = ensured.get(dir);
  if (!pending) {
    pending = (async () => {
      const created: string[] = [];
      const chain: string[] = [];
      for (let d = dir; ; d = path.dirname(d)) {
        chain.unshift(d);
        if (d === root || path.dirname(d) === d) break;
      }
      for (const d of chain) {
        try {
          // The root may be the first thing made under a new DATA_DIR, whose own parents may be
          // missing too (a fresh data folder): make them with it.
          if (d === root) {
            const first = await mkdir(d, { recursive: true });
            // mkdir names the topmost directory it made; every one from there down to the root is new.
            for (let x = d; first !== undefined; x = path.dirname(x)) {
              created.push(x);
              if (x === first || path.dirname(x) === x) break;
            }
          } else {
            await mkdir(d);
            created.push(d);
          }
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
        }
      }
      const parents = new Set(created.map((d) => path.dirname(d)));
      for (const p of parents) await fsyncDirectory(p);
    })();
    ensured.set(dir, pending);
    // A failure (disk full, permissions) must not be remembered: the next message tries again.
    pending.catch(() => ensured.delete(dir));
  }
  return pending;
}

// Small messages are opened, written and closed with synchronous calls: into the page cache
// that takes microseconds, less than a round trip through libuv's thread pool (three of them
// per message otherwise). Their fsync, which waits for the disk, always goes through the pool.
const SYNC_WRITE_BYTES = 256 * 1024;
const MESSAGE_FILE_FLAGS = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL;
const openFd = promisify(fs.open);
const writeFd = promisify(fs.write);
const fsyncFd = promisify(fs.fsync);

/** A message file written and still open, for `syncMessageFile`. */
export type MessageFile = { fd: number; absolute: string };

async function writeAll(fd: number, bytes: Buffer, small: boolean): Promise<void> {
  for (let at = 0; at < bytes.length; ) at += small ? fs.writeSync(fd, bytes, at) : (await writeFd(fd, bytes, at)).bytesWritten;
}

function discardFile(file: MessageFile): void {
  try {
    fs.closeSync(file.fd);
  } catch {}
  try {
    fs.unlinkSync(file.absolute);
  } catch {}
}

/**
 * Writes `bytes` to a new file at `absolute`, not yet synced; the caller syncs it with
 * `syncMessageFile`. O_EXCL: a message id is never reused, so an existing file means something
 * is wrong, and it is never overwritten. On failure the file is removed and the error thrown.
 */
export async function writeMessageFile(absolute: string, bytes: Buffer): Promise<MessageFile> {
  const small = bytes.length <= SYNC_WRITE_BYTES;
  const file = { fd: small ? fs.openSync(absolute, MESSAGE_FILE_FLAGS, 0o640) : await openFd(absolute, MESSAGE_FILE_FLAGS, 0o640), absolute };
  try {
    await writeAll(file.fd, bytes, small);
  } catch (error) {
    discardFile(file);
    throw error;
  }
  return file;
}

/**
 * fsyncs a file `writeMessageFile` wrote and closes it. `alongside` runs while the file's fsync
 * does: the directory's fsync, which the caller shares among a batch's files (it makes the entry
 * durable, so it need not wait for the data). On any failure the file is removed and the error
 * thrown.
 */
export async function syncMessageFile(file: MessageFile, alongside: () => Promise<void> = async () => {}): Promise<void> {
  const [synced, beside] = await Promise.allSettled([fsyncFd(file.fd), alongside()]);
  const failed = synced.status === "rejected" ? synced : beside.status === "rejected" ? beside : null;
  if (failed) {
    discardFile(file);
    throw failed.reason;
  }
  fs.closeSync(file.fd);
}

/** Writes `bytes` to a new file at `absolute` and fsyncs it (see the two steps above). */
export async function writeDurableFile(absolute: string, bytes: Buffer, alongside?: () => Promise<void>): Promise<void> {
  await syncMessageFile(await writeMessageFile(absolute, bytes), alongside);
}

/** Removes a file; a file already gone is fine (removal is idempotent). */
export async function removeFile(absolute: string): Promise<void> {
  try {
    await unlink(absolute);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}
