// A real SMTP listener on port 0 for tests that send mail (until the mail engine exists, and
// after, for tests that only need "was it sent"). It accepts any sender, records the envelope
// and the raw message, and decodes the subject and the plain-text part for assertions.
// Not imported by application code.
import { SMTPServer, type SMTPServerSession } from "smtp-server";
import type { AddressInfo } from "node:net";

export type SinkMessage = {
  from: string;
  to: string[];
  raw: string;
  /** Whether the session had switched to TLS (STARTTLS) before the message. */
  secure: boolean;
  subject: string;
  /** The text/plain part, decoded. */
  text: string;
};

export type SmtpSink = {
  port: number;
  /** smtp://127.0.0.1:<port>, ready for SMTP_URL. */
  url: string;
  messages: SinkMessage[];
  /** How many TCP connections clients opened. */
  connections: () => number;
  /** Waits until at least `count` messages arrived. */
  waitFor: (count: number, timeoutMs?: number) => Promise<SinkMessage[]>;
  close: () => Promise<void>;
};

export type SinkOptions = {
  /** Refuse the message at DATA with this reply (e.g. { code: 550, message: "5.7.1 No" }). */
  refuse?: { code: number; message: string };
};

export async function startSmtpSink(options: SinkOptions = {}): Promise<SmtpSink> {
  const messages: SinkMessage[] = [];
  let connections = 0;
  const server = new SMTPServer({
    authOptional: true,
    logger: false,
    onConnect(_session, callback) {
      connections += 1;
      callback();
    },
    onData(stream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        if (options.refuse) {
          const err = Object.assign(new Error(options.refuse.message), { responseCode: options.refuse.code });
          callback(err);
          return;
        }
        const raw = Buffer.concat(chunks).toString("utf8");
        const { subject, text } = decodeMessage(raw);
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : "";
        messages.push({ from, to: session.envelope.rcptTo.map((r) => r.address), raw, secure: session.secure, subject, text });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    connections: () => connections,
    async waitFor(count, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      while (messages.length < count) {
        if (Date.now() > until) throw new Error(`expected ${count} messages, got ${messages.length}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return messages;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// Enough MIME for what nodemailer writes: unfolded headers, RFC 2047 words in the subject, one
// level of multipart, quoted-printable or base64 bodies in UTF-8.
function splitHead(part: string): { headers: Map<string, string>; body: string } {
  const at = part.indexOf("\r\n\r\n");
  const head = at < 0 ? part : part.slice(0, at);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n[ \t]+/g, " ").split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body: at < 0 ? "" : part.slice(at + 4) };
}

function decodeBody(body: string, encoding: string | undefined): string {
  const enc = (encoding ?? "7bit").toLowerCase();
  if (enc === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (enc !== "quoted-printable") return body;
  // Escape literal % first, then turn =XX into %XX, so decodeURIComponent reassembles UTF-8.
  const escaped = body.replace(/%/g, "%25").replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, "%$1");
  return decodeURIComponent(escaped);
}

function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?([^?]+)\?([BQ])\?([^?]*)\?=/gi, (_m, _charset: string, kind: string, data: string) =>
      kind.toUpperCase() === "B" ? Buffer.from(data, "base64").toString("utf8") : decodeBody(data.replace(/_/g, " "), "quoted-printable"),
    );
}

export function decodeMessage(raw: string): { subject: string; text: string } {
  const { headers, body } = splitHead(raw);
  const subject = decodeWords(headers.get("subject") ?? "");
  const type = headers.get("content-type") ?? "text/plain";
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  // Line ends as the sender wrote them (\n), without the line end SMTP adds at the end of DATA.
  const tidy = (text: string) => text.replace(/\r\n/g, "\n").replace(/\n$/, "");
  if (!boundary) return { subject, text: tidy(decodeBody(body, headers.get("content-transfer-encoding"))) };
  for (const part of body.split(`--${boundary}`)) {
    const inner = splitHead(part.replace(/^\r\n/, ""));
    if ((inner.headers.get("content-type") ?? "").toLowerCase().startsWith("text/plain")) {
      return { subject, text: tidy(decodeBody(inner.body, inner.headers.get("content-transfer-encoding"))) };
    }
  }
  return { subject, text: "" };
}
