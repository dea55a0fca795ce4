import { open } from "node:fs/promises";
import { storeRoot } from "@/server/mail/paths";
import { resolveStorePath } from "@/server/mail/store/message-path";

// The header block of a stored message, for a DSN's text/rfc822-headers part. Only the first
// HEADER_BYTES are read: a header may legally be huge, and a notice need not carry all of it.

export const HEADER_BYTES = 64 * 1024;

/** The header lines (CRLF, no blank line), cut at a line end when over HEADER_BYTES; null when the file is gone. */
export async function readOriginalHeaders(relPath: string): Promise<Buffer | null> {
  let file;
  try {
    file = await open(resolveStorePath(storeRoot(), relPath), "r");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  try {
    const buffer = Buffer.alloc(HEADER_BYTES + 4);
    const { bytesRead } = await file.read(buffer, 0, buffer.length, 0);
    return headerBlock(buffer.subarray(0, bytesRead));
  } finally {
    await file.close();
  }
}

/** The part of `bytes` before the blank line, ending with CRLF, at most HEADER_BYTES (cut after a whole line). */
export function headerBlock(bytes: Buffer): Buffer {
  const end = bytes.indexOf("\r\n\r\n");
  if (end >= 0 && end + 2 <= HEADER_BYTES) return bytes.subarray(0, end + 2);
  const cut = bytes.subarray(0, HEADER_BYTES).lastIndexOf("\r\n");
  return cut > 0 ? bytes.subarray(0, cut + 2) : Buffer.alloc(0);
}
