import { rfc5322Date } from "@/server/mail/smtp/received-header";
import { dsnHumanText, type DsnOriginalSummary } from "./dsn-text";
import type { DsnKind, TDsnRecipient } from "./send-dsn.types";

// An RFC 3464 delivery status notification as bytes: multipart/report (RFC 6522) with the
// human-readable text, the message/delivery-status fields, and the original header block as
// text/rfc822-headers. Pure: the caller supplies the id, the time and the original's header.

export type DsnOriginal = DsnOriginalSummary & {
  /** The original's envelope sender: the notice's recipient. */
  mailFrom: string;
  /** Its Message-ID without angle brackets, for In-Reply-To. */
  headerMessageId: string | null;
  /** Its header block (CRLF lines, no blank line), or null when the stored file could not be read. */
  headers: Buffer | null;
};

export type DsnBuildInput = {
  /** The notice's own message id (a ULID, dsn-id.ts). */
  id: string;
  hostname: string;
  date: Date;
  kind: DsnKind;
  original: DsnOriginal;
  recipients: readonly TDsnRecipient[];
};

export type BuiltDsn = { bytes: Buffer; subject: string; headerMessageId: string };

const SUBJECTS: Record<DsnKind, { en: string; zh: string }> = {
  failed: { en: "Undelivered Mail Returned to Sender", zh: "退信通知" },
  delayed: { en: "Delayed Mail (still being retried)", zh: "延迟投递通知" },
};

/** Diagnostic text for a 7-bit field: one line, printable ASCII (anything else as "?"), at most 500 characters. */
export function asciiLine(text: string, max = 500): string {
  return text.replace(/[\r\n\t]+/g, " ").replace(/[^\x20-\x7e]/g, "?").trim().slice(0, max);
}

const encodedWord = (text: string) => `=?UTF-8?B?${Buffer.from(text, "utf8").toString("base64")}?=`;
const base64Lines = (bytes: Buffer) => (bytes.toString("base64").match(/.{1,76}/g) ?? []).join("\r\n");

/** RFC 3464 §2.3.6: "smtp;" for an SMTP reply, else a type of our own for what is not one (DNS, connection). */
function diagnosticCode(diagnostic: string): string {
  const line = asciiLine(diagnostic);
  return /^[245]\d\d[ -]/.test(line) ? `smtp; ${line}` : `X-Mailstead; ${line}`;
}

function deliveryStatus(input: DsnBuildInput): string {
  const head = [`Reporting-MTA: dns; ${input.hostname}`, `X-Mailstead-Queue-ID: ${input.original.queueId}`, `Arrival-Date: ${rfc5322Date(input.original.receivedAt)}`];
  const blocks = input.recipients.map((r) =>
    [
      `Final-Recipient: rfc822; ${r.recipient}`,
      `Action: ${input.kind}`,
      `Status: ${r.status}`,
      ...(r.remoteMta ? [`Remote-MTA: dns; ${r.remoteMta}`] : []),
      ...(r.diagnostic && asciiLine(r.diagnostic) ? [`Diagnostic-Code: ${diagnosticCode(r.diagnostic)}`] : []),
      `Last-Attempt-Date: ${rfc5322Date(r.lastAttemptAt)}`,
      ...(input.kind === "delayed" && r.willRetryUntil ? [`Will-Retry-Until: ${rfc5322Date(r.willRetryUntil)}`] : []),
    ].join("\r\n"),
  );
  return `${[head.join("\r\n"), ...blocks].join("\r\n\r\n")}\r\n`;
}

/** The original header block as a part body: as it is when 7-bit, else base64 (8-bit header bytes). */
function headersPart(headers: Buffer): { encoding: string; body: string } {
  const ascii = !headers.some((b) => b > 0x7e || b === 0);
  const text = headers.toString("latin1");
  return ascii ? { encoding: "7bit", body: text.endsWith("\r\n") ? text : `${text}\r\n` } : { encoding: "base64", body: `${base64Lines(headers)}\r\n` };
}

export function buildDsn(input: DsnBuildInput): BuiltDsn {
  const { id, hostname, kind, original } = input;
  const subject = `${SUBJECTS[kind].en} / ${SUBJECTS[kind].zh}`;
  const headerMessageId = `dsn.${id}@${hostname}`;
  const parts = [
    { type: "text/plain; charset=utf-8", encoding: "base64", description: "Notification", body: `${base64Lines(Buffer.from(dsnHumanText({ kind, hostname, original, recipients: input.recipients }), "utf8"))}\r\n` },
    { type: "message/delivery-status", encoding: "7bit", description: "Delivery report", body: deliveryStatus(input) },
    ...(original.headers ? [{ type: "text/rfc822-headers", description: "Undelivered message headers", ...headersPart(original.headers) }] : []),
  ];
  // The boundary must occur in no part; the header block is the sender's text, so check it.
  let boundary = `=_mailstead_dsn_${id}`;
  while (parts.some((p) => p.body.includes(`--${boundary}`))) boundary += "_x";

  const originalId = original.headerMessageId ? `<${asciiLine(original.headerMessageId, 250)}>` : null;
  const header = [
    `Received: by ${hostname} (Mailstead) id ${id};\r\n\t${rfc5322Date(input.date)}`,
    `Date: ${rfc5322Date(input.date)}`,
    `From: Mail Delivery System <MAILER-DAEMON@${hostname}>`,
    `To: <${original.mailFrom}>`,
    `Subject: ${SUBJECTS[kind].en} / ${encodedWord(SUBJECTS[kind].zh)}`,
    `Message-ID: <${headerMessageId}>`,
    ...(originalId ? [`In-Reply-To: ${originalId}`, `References: ${originalId}`] : []),
    "Auto-Submitted: auto-replied",
    "MIME-Version: 1.0",
    `Content-Type: multipart/report; report-type=delivery-status;\r\n\tboundary="${boundary}"`,
  ];
  const body = [
    "This is a MIME-encapsulated message (a delivery status notification).",
    "",
    ...parts.map((p) => `--${boundary}\r\nContent-Description: ${p.description}\r\nContent-Type: ${p.type}\r\nContent-Transfer-Encoding: ${p.encoding}\r\n\r\n${p.body}`),
    `--${boundary}--`,
    "",
  ];
  return { bytes: Buffer.from(`${header.join("\r\n")}\r\n\r\n${body.join("\r\n")}`, "latin1"), subject, headerMessageId };
}
