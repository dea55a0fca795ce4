import nodemailer, { type NodemailerError, type SMTPPoolOptions, type Transporter } from "nodemailer";
import { env } from "./env";
import { DomainError } from "./errors";

// The platform's own outgoing mail (balance reminders, invitations) leaves through this one
// module, over SMTP to SMTP_URL: the bundled mail engine by default, a relay if configured.

export type OutgoingMail = { to: string[]; subject: string; text: string; html?: string };
export type SentMail = { messageId: string; accepted: string[]; rejected: string[] };

/** The mail server refused or could not be reached; `permanent` when retrying cannot help. */
export class MailerError extends DomainError {
  readonly responseCode: number | null;
  readonly permanent: boolean;

  constructor(message: string, responseCode: number | null, permanent: boolean) {
    super("UNAVAILABLE", message);
    this.name = "MailerError";
    this.responseCode = responseCode;
    this.permanent = permanent;
  }
}

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);
/** A conservative shape check: the server decides what is deliverable, this stops header injection. */
const ADDRESS = /^[^\s<>",;@]+@[^\s<>",;@]+$/;
const MAX_RECIPIENTS = 100;

/** Host and port only: SMTP_URL may carry a password, which must never reach an error or a log. */
function serverName(u: URL): string {
  return `${u.hostname}:${u.port || (u.protocol === "smtps:" ? 465 : 25)}`;
}

/**
 * Transport options for an SMTP URL. STARTTLS is taken whenever the server offers it (nodemailer's
 * default), but not required: the bundled engine on loopback may run without a certificate. A
 * self-signed certificate is accepted on loopback only, where there is no one in the middle.
 */
export function transportOptions(smtpUrl: string): SMTPPoolOptions & { pool: true } {
  const u = new URL(smtpUrl);
  const secure = u.protocol === "smtps:";
  return {
    pool: true,
    maxConnections: 2,
    host: u.hostname.replace(/^\[|\]$/g, ""),
    port: Number(u.port || (secure ? 465 : 25)),
    secure,
    auth: u.username ? { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } : undefined,
    tls: { rejectUnauthorized: !LOOPBACK.has(u.hostname) },
    // Short waits: a reminder tick must fail fast and try again later, not hang a worker.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  };
}

type Held = { url: string; transport: Transporter };
// Kept on globalThis like the database client, so Next's dev reloads do not open new pools.
const holder = globalThis as unknown as { __mailsteadMailer?: Held };

function transport(): Held {
  const url = env().SMTP_URL;
  const held = holder.__mailsteadMailer;
  if (held && held.url === url) return held;
  held?.transport.close(); // the configuration changed (tests): drop the old pool
  holder.__mailsteadMailer = { url, transport: nodemailer.createTransport(transportOptions(url)) };
  return holder.__mailsteadMailer;
}

function checkMessage(mail: OutgoingMail): void {
  const bad = mail.to.filter((a) => !ADDRESS.test(a));
  const problem =
    mail.to.length === 0
      ? "has no recipients"
      : mail.to.length > MAX_RECIPIENTS
        ? `has ${mail.to.length} recipients; at most ${MAX_RECIPIENTS} go in one message`
        : bad.length > 0
          ? `has recipients that are not e-mail addresses: ${bad.map((a) => JSON.stringify(a)).join(", ")}`
          : /[\r\n]/.test(mail.subject)
            ? "has a line break in its subject"
            : null;
  if (problem) throw new DomainError("BAD_INPUT", `The message ${problem}`);
}

function explain(e: unknown, server: string): MailerError {
  const err = e as NodemailerError;
  if (err.responseCode) {
    const refused = err.rejected?.length ? ` (refused recipients: ${err.rejected.join(", ")})` : "";
    return new MailerError(
      `The mail server at ${server} refused the message: ${err.response ?? err.message}${refused}`,
      err.responseCode,
      err.permanent ?? err.responseCode >= 500,
    );
  }
  const cause = err.originalCode ?? err.code ?? "error";
  return new MailerError(`Could not reach the mail server at ${server} (${cause}: ${err.message})`, null, false);
}

/** Sends one message from MAIL_FROM. Throws BAD_INPUT for a malformed message, MailerError when refused. */
export async function sendMail(mail: OutgoingMail): Promise<SentMail> {
  checkMessage(mail);
  const { url, transport: t } = transport();
  try {
    const info = await t.sendMail({ from: env().MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
    const str = (list: unknown[] | undefined) => (list ?? []).map((a) => (typeof a === "string" ? a : (a as { address: string }).address));
    return { messageId: String(info.messageId), accepted: str(info.accepted), rejected: str(info.rejected) };
  } catch (e) {
    throw explain(e, serverName(new URL(url)));
  }
}

/** Closes the pooled connections (worker shutdown, end of a test file). */
export function closeMailer(): void {
  holder.__mailsteadMailer?.transport.close();
  holder.__mailsteadMailer = undefined;
}
