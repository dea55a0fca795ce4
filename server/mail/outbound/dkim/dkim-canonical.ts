// DKIM's "relaxed" canonicalization (RFC 6376 §3.4.2, §3.4.4) over a message's raw bytes. The
// bytes are handled as latin1 strings, which map each byte to one character and back, so 8-bit
// header and body bytes are hashed exactly as they go on the wire.

/** One header field as it stands in the message: `name` as written, `raw` with its folding, without the final CRLF. */
export type HeaderField = { name: string; raw: string };

export type SplitMessage = { fields: HeaderField[]; body: Buffer };

/**
 * The header fields and the body of a CRLF message. A message without a blank line is all
 * header (empty body). A line that is neither a field nor a continuation ends the header, as in
 * a parser's recovery; such a message gets a signature no verifier can check, which is its fault.
 */
export function splitMessage(bytes: Buffer): SplitMessage {
  const end = bytes.indexOf("\r\n\r\n");
  const headEnd = bytes.subarray(0, 2).toString("latin1") === "\r\n" ? 0 : end < 0 ? bytes.length : end + 2;
  const head = bytes.toString("latin1", 0, headEnd);
  const bodyStart = headEnd === 0 ? 2 : end < 0 ? bytes.length : end + 4;
  const fields: HeaderField[] = [];
  for (const line of head.split("\r\n")) {
    if (line === "") continue;
    const last = fields[fields.length - 1];
    if ((line[0] === " " || line[0] === "\t") && last) {
      last.raw += `\r\n${line}`;
      continue;
    }
    const colon = line.indexOf(":");
    if (colon <= 0) break;
    fields.push({ name: line.slice(0, colon).trim(), raw: line });
  }
  return { fields, body: bytes.subarray(bodyStart) };
}

/** `name:value` relaxed (lower-case name, unfolded, runs of WSP as one space, trimmed), without CRLF. */
export function relaxedHeader(raw: string): string {
  const colon = raw.indexOf(":");
  const name = raw.slice(0, colon).replace(/[ \t]+$/, "").toLowerCase();
  const value = raw
    .slice(colon + 1)
    .replace(/\r\n/g, "")
    .replace(/[ \t]+/g, " ")
    .trim();
  return `${name}:${value}`;
}

const SP = 0x20;
const HT = 0x09;
const CR = 0x0d;
const LF = 0x0a;
const CRLF = Buffer.from("\r\n");

/**
 * The relaxed body: WSP runs as one space, no WSP at line ends, no empty lines at the end, and
 * a final CRLF unless the body is empty. Lines without SP or HT are already canonical, so the
 * spans between lines that hold WSP are copied whole with Buffer's native search and copy: a
 * base64 attachment costs about a memcpy. (String regexes took ~0.6 s for 10 MB, and the relay
 * signs messages of up to the plans' 44 MB.)
 */
export function relaxedBody(body: Buffer): Buffer {
  const out = Buffer.allocUnsafe(body.length + 2);
  let n = 0;
  let nextSp = -1;
  let nextHt = -1;
  const found = (i: number) => (i < 0 ? Infinity : i);
  let pos = 0;
  while (pos < body.length) {
    if (nextSp < pos) nextSp = found(body.indexOf(SP, pos));
    if (nextHt < pos) nextHt = found(body.indexOf(HT, pos));
    const wsp = Math.min(nextSp, nextHt);
    if (wsp === Infinity) {
      n += body.copy(out, n, pos);
      break;
    }
    // Lines before the one holding the WSP go as they are.
    const previousEol = body.lastIndexOf(CRLF, wsp);
    const lineStart = previousEol < 0 ? pos : Math.max(pos, previousEol + 2);
    n += body.copy(out, n, pos, lineStart);
    const eol = body.indexOf(CRLF, wsp);
    const lineEnd = eol < 0 ? body.length : eol;
    let space = false;
    for (let i = lineStart; i < lineEnd; i++) {
      const b = body[i]!;
      if (b === SP || b === HT) {
        space = true;
        continue;
      }
      if (space) out[n++] = SP; // a run inside the line; one at its end is dropped
      space = false;
      out[n++] = b;
    }
    if (eol < 0) break;
    n += CRLF.copy(out, n);
    pos = eol + 2;
  }
  // A final CRLF, and no empty lines at the end (all-empty means an empty body).
  if (n > 0 && !(out[n - 2] === CR && out[n - 1] === LF)) n += CRLF.copy(out, n);
  while (n >= 4 && out[n - 4] === CR && out[n - 3] === LF && out[n - 2] === CR && out[n - 1] === LF) n -= 2;
  if (n === 2 && out[0] === CR && out[1] === LF) n = 0;
  return out.subarray(0, n);
}
