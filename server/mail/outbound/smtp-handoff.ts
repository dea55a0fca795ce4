import SMTPConnection from "nodemailer/lib/smtp-connection";
import type { NodemailerError, SMTPEnvelope } from "nodemailer";

// One SMTP session with one remote exchange, for one recipient: nodemailer's SMTP client (the
// connection class its SMTP transport runs on, used directly because the relay needs what the
// transport hides: whether STARTTLS was taken, and at which step a failure came). Opportunistic
// TLS: STARTTLS whenever offered, certificates not checked (RFC 7435: unauthenticated encryption
// beats plain text; MTA-STS/DANE would be the way to insist), and plain text when the upgrade fails.

export type Handoff = {
  host: string;
  address: string;
  port: number;
  /** Our EHLO name. */
  name: string;
  /** The envelope sender; "" is the null sender <>. */
  mailFrom: string;
  rcpt: string;
  bytes: Buffer;
  timeoutMs: number;
  /** Cut the session when it fires (the attempt's deadline). */
  signal: AbortSignal;
};

/**
 * accepted: the remote answered 250 to the data. rejected: it answered a 4xx/5xx (`stage` says
 * whether before the envelope, while greeting/EHLO, or to MAIL, RCPT or the data). failed: no
 * reply came (refused, timed out, dropped), before the session was up or after.
 */
export type HandoffResult =
  | { kind: "accepted"; code: number; enhanced: string | null; response: string; tls: boolean }
  | { kind: "rejected"; stage: "connect" | "transaction"; code: number; enhanced: string | null; response: string; permanent: boolean; tls: boolean }
  | { kind: "failed"; stage: "connect" | "transaction"; reason: string; tls: boolean };

/** How long a QUIT (or a close) may take before the socket is dropped. */
const CLOSE_GRACE_MS = 2_000;

const ENHANCED = /^\d{3}[ -]([245]\.\d{1,3}\.\d{1,3})\b/;

/** "5.1.1" out of "550 5.1.1 <x>: unknown user", or null. */
export function enhancedCode(response: string): string | null {
  return ENHANCED.exec(response.trim())?.[1] ?? null;
}

function replyCode(response: string): number {
  return Number(/^(\d{3})/.exec(response.trim())?.[1] ?? 250);
}

function describeFailure(err: NodemailerError): string {
  const what = err.code === "ETIMEDOUT" ? "timed out" : err.originalCode ? `${err.originalCode}` : (err.code ?? "error");
  return `${what}: ${err.message}`.slice(0, 300);
}

export function handOff(h: Handoff): Promise<HandoffResult> {
  return new Promise((resolve) => {
    const connection = new SMTPConnection({
      host: h.address,
      port: h.port,
      name: h.name,
      // The exchange's name for SNI, not the address we dialled.
      servername: h.host,
      ignoreTLS: false,
      requireTLS: false,
      opportunisticTLS: true,
      tls: { rejectUnauthorized: false, servername: h.host },
      connectionTimeout: h.timeoutMs,
      greetingTimeout: h.timeoutMs,
      socketTimeout: h.timeoutMs,
      // Loopback and private exchanges are legitimate here (sandbox DNS, the bench's sink).
      allowInternalNetworkInterfaces: true,
      logger: false,
    });
    let connected = false;
    let result: HandoffResult | null = null;
    let finished = false;
    let forceClose: NodeJS.Timeout | undefined;
    const done = () => {
      if (finished || !result) return;
      finished = true;
      clearTimeout(forceClose);
      h.signal.removeEventListener("abort", onAbort);
      resolve(result);
    };
    // The session is over only when the socket is: callers count on that (per-domain slots).
    const settle = (r: HandoffResult, polite = false) => {
      if (result) return;
      result = r;
      if (connection.destroyed) return done();
      if (polite) connection.quit();
      else connection.close();
      forceClose = setTimeout(() => {
        connection.close();
        setTimeout(done, CLOSE_GRACE_MS).unref();
      }, CLOSE_GRACE_MS);
      forceClose.unref();
    };
    const fail = (err: NodemailerError) => {
      const stage = connected ? "transaction" : "connect";
      const tls = connection.secure;
      if (typeof err.responseCode === "number" && err.response) {
        const response = err.response.slice(0, 500);
        settle({ kind: "rejected", stage, code: err.responseCode, enhanced: enhancedCode(response), response, permanent: err.permanent ?? err.responseCode >= 500, tls });
      } else {
        settle({ kind: "failed", stage, reason: describeFailure(err), tls });
      }
    };
    const onAbort = () => fail(Object.assign(new Error("the attempt's time ran out"), { code: "ETIMEDOUT" }) as NodemailerError);
    h.signal.addEventListener("abort", onAbort, { once: true });
    connection.once("end", () => {
      if (!result) settle({ kind: "failed", stage: connected ? "transaction" : "connect", reason: "connection closed", tls: connection.secure });
      done();
    });
    connection.on("error", (err: NodemailerError) => fail(err));
    connection.connect((err) => {
      if (err) return fail(err);
      connected = true;
      const envelope: SMTPEnvelope = { from: h.mailFrom === "" ? false : h.mailFrom, to: [h.rcpt] };
      connection.send(envelope, h.bytes, (sendErr, info) => {
        if (sendErr) return fail(sendErr);
        const response = (info?.response ?? "250").slice(0, 500);
        if (info && info.rejected.length > 0) {
          const rejected = info.rejectedErrors?.[0];
          if (rejected) return fail(rejected);
        }
        settle({ kind: "accepted", code: replyCode(response), enhanced: enhancedCode(response), response, tls: connection.secure }, true);
      });
    });
    if (h.signal.aborted) onAbort();
  });
}
