import type { Readable } from "node:stream";

export type ReadMessage = { bytes: Buffer; size: number; tooBig: boolean };

/**
 * Reads a DATA stream to its end, keeping at most `limit` bytes: past the limit the rest is
 * read and dropped (the client must be allowed to finish before it gets the 552), so an
 * oversized message costs no memory. Rejects when the client goes away mid-message.
 */
export async function readMessage(stream: Readable, limit: number): Promise<ReadMessage> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= limit) chunks.push(chunk);
  }
  const tooBig = size > limit;
  return { bytes: tooBig ? Buffer.alloc(0) : chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size), size, tooBig };
}

/**
 * CRLF line ends throughout (the store and POP3 serve the bytes as they are): a bare LF or a
 * bare CR becomes CRLF. The common case, already CRLF, is detected without copying.
 */
export function toCrlf(bytes: Buffer): Buffer {
  let bare = false;
  for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) {
    if (i === 0 || bytes[i - 1] !== 13) {
      bare = true;
      break;
    }
  }
  if (!bare) {
    for (let i = bytes.indexOf(13); i >= 0; i = bytes.indexOf(13, i + 1)) {
      if (bytes[i + 1] !== 10) {
        bare = true;
        break;
      }
    }
  }
  if (!bare) return bytes;
  return Buffer.from(bytes.toString("latin1").replace(/\r\n|\r|\n/g, "\r\n"), "latin1");
}
