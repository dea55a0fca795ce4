// Test messages for virus scanning (docs/clamav.md), shared by the clamd client's tests and the
// engine's ("EICAR refused"). Not imported by application code.
import { readdirSync, readFileSync } from "node:fs";

/** The EICAR test string: every scanner reports it, and it harms nothing. */
export const EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

/** Debian's clamav-testfiles: ~44 packings of the harmless test program clam.exe. */
export const TESTFILES_DIR = "/usr/share/clamav-testfiles";

/** Every file of clamav-testfiles, name and bytes, sorted by name. */
export function clamavTestFiles(): { name: string; bytes: Buffer }[] {
  return readdirSync(TESTFILES_DIR)
    .sort()
    .map((name) => ({ name, bytes: readFileSync(`${TESTFILES_DIR}/${name}`) }));
}

const base64Lines = (bytes: Buffer) => bytes.toString("base64").replace(/.{76}/g, "$&\r\n");

/**
 * A whole RFC 5322 message, as the engine scans it: a text part and, for each attachment,
 * a base64 part with a file name. `text` pads the body (e.g. to measure scan time by size).
 */
export function mimeMessage(opts: { subject?: string; text?: string; attachments?: { name: string; bytes: Buffer }[] } = {}): Buffer {
  const boundary = "=_mailstead_test_boundary";
  const parts = [
    `--${boundary}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n${opts.text ?? "Hello, see the attachment."}\r\n`,
    ...(opts.attachments ?? []).map(
      (a) =>
        `--${boundary}\r\nContent-Type: application/octet-stream; name="${a.name}"\r\n` +
        `Content-Disposition: attachment; filename="${a.name}"\r\nContent-Transfer-Encoding: base64\r\n\r\n${base64Lines(a.bytes)}\r\n`,
    ),
  ];
  return Buffer.from(
    "From: Sender <sender@example.com>\r\nTo: Recipient <rcpt@example.org>\r\n" +
      `Subject: ${opts.subject ?? "Test"}\r\nDate: Thu, 26 Nov 2026 12:00:00 +0000\r\nMessage-ID: <scan-test@example.com>\r\n` +
      `MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="${boundary}"\r\n\r\n` +
      parts.join("") +
      `--${boundary}--\r\n`,
  );
}

/**
 * A message whose MIME structure is broken in the ways real mail is: an undeclared closing
 * boundary, a part with invalid base64, a nested multipart without a boundary parameter, and
 * a truncated end. `payload` (e.g. EICAR) goes into the one well-formed attachment.
 */
export function brokenMimeMessage(payload?: string): Buffer {
  return Buffer.from(
    "From: sender@example.com\r\nTo: rcpt@example.org\r\nSubject: broken\r\nMIME-Version: 1.0\r\n" +
      'Content-Type: multipart/mixed; boundary="outer"\r\n\r\n' +
      "--outer\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!not*base64###\r\n" +
      "--outer\r\nContent-Type: multipart/alternative\r\n\r\n--missing-boundary-param\r\nstray text\r\n" +
      (payload
        ? `--outer\r\nContent-Type: application/octet-stream; name="a.com"\r\nContent-Transfer-Encoding: base64\r\n\r\n${base64Lines(Buffer.from(payload))}\r\n`
        : "") +
      "--never-declared--\r\n" +
      "--outer\r\nContent-Type: application/zip\r\nContent-Transfer-Encoding: base64\r\n\r\nUEsDBBQAAAAIAAAAIQ", // cut mid-part, no closing boundary
  );
}
