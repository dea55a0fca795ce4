import { createHash, webcrypto } from "node:crypto";

// The sha256 an UnsyncedMessage mark keeps of its file. Small messages are hashed on the spot
// (microseconds); a large one in libuv's pool, so a 100 MB message does not stall every other
// session for the ~0.3 s its hash takes.

const INLINE_BYTES = 1024 * 1024;

/** sha256 of `bytes`, as 32 bytes. */
export async function sha256Of(bytes: Buffer): Promise<Buffer> {
  if (bytes.length <= INLINE_BYTES) return createHash("sha256").update(bytes).digest();
  return Buffer.from(await webcrypto.subtle.digest("SHA-256", bytes));
}
