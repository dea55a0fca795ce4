import path from "node:path";

// One file per message (not per mailbox copy), filed by the UTC hour it arrived in: a directory
// holds at most an hour of mail, so listings and the orphan sweep stay cheap, and messages that
// arrive together share a directory and so one directory fsync.

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** `<yyyy>/<mm>/<dd>/<hh>/<ULID>.eml`, relative to the store root, with forward slashes. */
export function storedMessagePath(id: string, receivedAt: Date): string {
  if (!ULID.test(id)) throw new Error(`message id ${JSON.stringify(id)} is not a ULID`);
  if (Number.isNaN(receivedAt.getTime())) throw new Error(`message ${id} has an invalid receivedAt`);
  const two = (n: number) => String(n).padStart(2, "0");
  const y = String(receivedAt.getUTCFullYear()).padStart(4, "0");
  return `${y}/${two(receivedAt.getUTCMonth() + 1)}/${two(receivedAt.getUTCDate())}/${two(receivedAt.getUTCHours())}/${id}.eml`;
}

/** The message id a store file is named after, or null when the name is not `<ULID>.eml`. */
export function messageIdOfFile(fileName: string): string | null {
  const id = fileName.endsWith(".eml") ? fileName.slice(0, -4) : "";
  return ULID.test(id) ? id : null;
}

/**
 * The absolute path of `relPath` inside `root`. Throws when the path is empty, absolute, holds a
 * NUL, or climbs out of the root (`../`): StoredMessage.path comes from the database, but a
 * reader must never be turned into a way to read arbitrary files.
 */
export function resolveStorePath(root: string, relPath: string): string {
  if (!relPath || relPath.includes("\0")) throw new Error(`store path ${JSON.stringify(relPath)} is empty or holds a NUL`);
  if (path.isAbsolute(relPath) || path.win32.isAbsolute(relPath)) throw new Error(`store path ${JSON.stringify(relPath)} must be relative to the store`);
  const absolute = path.resolve(root, relPath);
  if (!absolute.startsWith(root + path.sep)) throw new Error(`store path ${JSON.stringify(relPath)} leaves the store`);
  return absolute;
}
