// Our trace line (RFC 5321 §4.4, RFC 5322 §3.6.7), written first into every stored message.

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const pad = (n: number) => String(n).padStart(2, "0");

/** RFC 5322 date-time in UTC, e.g. "Thu, 26 Nov 2026 17:37:16 +0000". */
export function rfc5322Date(d: Date): string {
  return `${DAYS[d.getUTCDay()]}, ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

/** What the client said in HELO/EHLO, reduced to printable ASCII without parentheses (it goes into a comment-free slot). */
export function safeHelo(helo: string): string {
  return helo.replace(/[^\x21-\x7e]|[()]/g, "").slice(0, 255) || "unknown";
}

export type ReceivedFields = {
  helo: string;
  clientIp: string;
  /** Our host name. */
  by: string;
  /** SMTP, ESMTP, ESMTPS, ESMTPA, ESMTPSA (RFC 3848). */
  protocol: string;
  id: string;
  /** Named only for a single recipient: a list of all of them would leak Bcc addresses. */
  recipients: string[];
  at: Date;
};

/** The header with CRLF line ends, folded, ending in CRLF. */
export function receivedHeader(f: ReceivedFields): string {
  const ip = f.clientIp.includes(":") ? `IPv6:${f.clientIp}` : f.clientIp;
  const forClause = f.recipients.length === 1 ? `\r\n\tfor <${f.recipients[0]}>` : "";
  return `Received: from ${safeHelo(f.helo)} ([${ip}])\r\n\tby ${f.by} (Mailstead) with ${f.protocol} id ${f.id}${forClause};\r\n\t${rfc5322Date(f.at)}\r\n`;
}
