// Reply lines of RFC 1939, with the RFC 2449 / RFC 3206 response codes a client can act on
// without parsing English: AUTH (credentials or policy), SYS/TEMP (try again later), IN-USE
// (another session holds the maildrop).
export type Pop3RespCode = "AUTH" | "SYS/TEMP" | "SYS/PERM" | "IN-USE";

export function ok(text?: string): string {
  return text ? `+OK ${text}\r\n` : "+OK\r\n";
}

export function err(text: string, code?: Pop3RespCode): string {
  return `-ERR ${code ? `[${code}] ` : ""}${text}\r\n`;
}

/** A multi-line reply (LIST, UIDL, CAPA): status line, the lines byte-stuffed, then ".". */
export function multiline(first: string, lines: readonly string[]): string {
  return ok(first) + lines.map((line) => (line.startsWith(".") ? "." : "") + line + "\r\n").join("") + ".\r\n";
}
