import iconv from "iconv-lite";
import { decodeEncodedWords } from "./decode-encoded-words";

// What the delivery log needs from a message's header: its Subject and Message-ID. Only the
// first HEADER_SCAN_BYTES are read: a header can legally be huge (a 1 MB line), and the accept
// path must not pay for it.
const HEADER_SCAN_BYTES = 64 * 1024;
const RAW_VALUE_CHARS = 4096;
export const SUBJECT_MAX_CHARS = 255;

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Raw 8-bit header bytes (no encoded words): UTF-8 when they are valid UTF-8, else GB18030. */
function decode8bit(raw: string): string {
  if (!/[\x80-\xff]/.test(raw)) return raw;
  const bytes = Buffer.from(raw, "latin1");
  try {
    return utf8.decode(bytes);
  } catch {
    return iconv.decode(bytes, "gb18030");
  }
}

/** The unfolded value of the first header field named `name` (lower-case), as latin1 text. */
function headerValue(head: string, name: string): string | null {
  const re = new RegExp(`(?:^|\\n)${name}[ \\t]*:([^\\n]*(?:\\n[ \\t][^\\n]*)*)`, "i");
  const m = re.exec(head);
  if (!m) return null;
  return m[1]!.slice(0, RAW_VALUE_CHARS).replace(/\r?\n(?=[ \t])/g, "").replace(/\r/g, "").trim();
}

/** The end of the header block (index of the blank line), or -1 when the scanned part has none. */
export function headerEnd(bytes: Buffer): number {
  const crlf = bytes.indexOf("\r\n\r\n");
  const lf = bytes.indexOf("\n\n");
  if (crlf < 0) return lf;
  return lf < 0 ? crlf : Math.min(crlf, lf);
}

export function readMessageHeaders(bytes: Buffer): { subject: string; headerMessageId: string | null } {
  const end = headerEnd(bytes);
  const head = bytes.toString("latin1", 0, Math.min(end < 0 ? bytes.length : end, HEADER_SCAN_BYTES));
  const rawSubject = headerValue(head, "subject");
  const subject = rawSubject === null ? "" : [...decodeEncodedWords(decode8bit(rawSubject)).replace(/[\x00-\x1f\x7f]/g, " ")].slice(0, SUBJECT_MAX_CHARS).join("");
  const id = headerValue(head, "message-id");
  const m = id ? /<([^<>\s]{1,250})>/.exec(id) : null;
  return { subject, headerMessageId: m ? m[1]! : id ? id.slice(0, 250) || null : null };
}
