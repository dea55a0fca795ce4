import { simpleParser, type AddressObject } from "mailparser";

// A held message shown to a person, safely (issue 8 item 7): plain text only — an HTML body is
// turned into text by mailparser, never passed on as HTML — capped, and attachments named but
// never served. The pages render every string as text (React escapes it).

/** Bytes of the message parsed at most: a preview needs the headers and the start of the text. */
export const PREVIEW_MAX_BYTES = 2 * 1024 * 1024;
/** Characters of text shown at most. */
export const PREVIEW_MAX_TEXT = 100_000;
const MAX_HEADER_LINES = 200;
const MAX_HEADER_LINE = 2_000;
const MAX_ATTACHMENTS = 100;

export type MessagePreview = {
  from: string;
  to: string;
  cc: string;
  replyTo: string;
  subject: string;
  date: Date | null;
  messageId: string;
  /** The raw header lines as received (folding kept), for the technical reader. */
  headers: string[];
  text: string;
  /** The text was cut at PREVIEW_MAX_TEXT characters, or the message at PREVIEW_MAX_BYTES. */
  truncated: boolean;
  attachments: { filename: string; contentType: string; size: number }[];
};

const addresses = (a: AddressObject | AddressObject[] | undefined) => (a === undefined ? "" : (Array.isArray(a) ? a : [a]).map((x) => x.text).join(", "));

/** The preview of `bytes` (the message, or its first PREVIEW_MAX_BYTES when `cut` says it was longer). */
export async function previewOf(bytes: Buffer, cut = false): Promise<MessagePreview> {
  const mail = await simpleParser(bytes, { skipTextToHtml: true, skipImageLinks: true, skipTextLinks: true, keepDeliveryStatus: false });
  const text = (mail.text ?? "").replace(/\r\n/g, "\n");
  return {
    from: addresses(mail.from),
    to: addresses(mail.to),
    cc: addresses(mail.cc),
    replyTo: addresses(mail.replyTo),
    subject: mail.subject ?? "",
    // mailparser gives "now" for a Date header it cannot read; only a real header counts.
    date: mail.headers.has("date") && mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date : null,
    messageId: mail.messageId ?? "",
    headers: mail.headerLines.slice(0, MAX_HEADER_LINES).map((h) => h.line.slice(0, MAX_HEADER_LINE)),
    text: text.slice(0, PREVIEW_MAX_TEXT),
    truncated: cut || text.length > PREVIEW_MAX_TEXT,
    attachments: mail.attachments.slice(0, MAX_ATTACHMENTS).map((a) => ({ filename: a.filename ?? "", contentType: a.contentType, size: a.size })),
  };
}
