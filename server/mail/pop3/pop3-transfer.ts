// The bytes of a RETR or TOP reply body (RFC 1939 §3): every line ends in CRLF (a stored bare
// LF or a last line without an end is repaired), a line starting with "." gets a second ".",
// and ".CRLF" ends the reply. Unchanged runs are copied as slices of the stored message, so a
// large message costs one copy, not one per line.
const LF = 0x0a;
const CR = 0x0d;
const DOT = 0x2e;
const DOT_BUFFER = Buffer.from(".");
const CRLF = Buffer.from("\r\n");
const TERMINATOR = Buffer.from(".\r\n");

/**
 * The message ready to send after "+OK": whole (`bodyLines` null, RETR) or its header, the
 * blank line and the first `bodyLines` lines of the body (TOP).
 */
export function transferBytes(message: Buffer, bodyLines: number | null): Buffer {
  const chunks: Buffer[] = [];
  let runStart = 0;
  let pos = 0;
  let inBody = false;
  let bodyCount = 0;
  while (pos < message.length) {
    if (bodyLines !== null && inBody && bodyCount >= bodyLines) break;
    const lf = message.indexOf(LF, pos);
    const next = lf === -1 ? message.length : lf + 1;
    const hasCr = lf > pos && message[lf - 1] === CR;
    const contentEnd = lf === -1 ? message.length : hasCr ? lf - 1 : lf;
    if (message[pos] === DOT) {
      chunks.push(message.subarray(runStart, pos), DOT_BUFFER);
      runStart = pos;
    }
    if (!hasCr) {
      chunks.push(message.subarray(runStart, contentEnd), CRLF);
      runStart = next;
    }
    if (inBody) bodyCount++;
    else if (contentEnd === pos) inBody = true;
    pos = next;
  }
  chunks.push(message.subarray(runStart, pos), TERMINATOR);
  return Buffer.concat(chunks);
}
