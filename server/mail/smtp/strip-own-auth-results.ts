import { headerEnd } from "./message-headers";

// RFC 8601 §5: a border MTA removes Authentication-Results fields that carry its own
// authserv-id before adding its own. Otherwise a sender could write "Authentication-Results:
// <our host>; dkim=pass; dmarc=pass" into a forged message, and a mail client or filter that
// trusts our id would believe it. Fields with other ids (another hop's record) stay.

const FIELD = /^authentication-results[ \t]*:/i;

/** The field's authserv-id: the first token of its value, after any comments. */
export function authservIdOf(value: string): string {
  let v = value.replace(/\r?\n[ \t]/g, " ").trimStart();
  // Comments may precede the id (RFC 8601 §2.2 allows CFWS); they do not nest past what we strip.
  while (v.startsWith("(")) {
    const close = v.indexOf(")");
    if (close < 0) return "";
    v = v.slice(close + 1).trimStart();
  }
  return (/^[^\s;()]+/.exec(v)?.[0] ?? "").toLowerCase();
}

/** `bytes` (CRLF lines) without the header fields Authentication-Results whose authserv-id is `authservId`. */
export function stripOwnAuthResults(bytes: Buffer, authservId: string): Buffer {
  const end = headerEnd(bytes);
  const headEnd = end < 0 ? bytes.length : end + 2; // keep the last header line's CRLF in the head
  const head = bytes.subarray(0, headEnd).toString("latin1");
  if (!/(^|\n)authentication-results[ \t]*:/i.test(head)) return bytes;
  const id = authservId.toLowerCase();
  // Split into fields: a line starting with space or tab continues the previous one.
  const fields = head.split(/(?<=\n)(?![ \t])/);
  const kept = fields.filter((f) => !(FIELD.test(f) && authservIdOf(f.slice(f.indexOf(":") + 1)) === id));
  if (kept.length === fields.length) return bytes;
  return Buffer.concat([Buffer.from(kept.join(""), "latin1"), bytes.subarray(headEnd)]);
}
