import { SMTPServer, type SMTPServerOptions, type SMTPServerSession } from "smtp-server";
import type { Listener, SmtpRefusal } from "../engine.types";
import { runRefusingHooks, hasHooks } from "../hooks/smtp-hooks";
import { mailHostname } from "../paths";
import { refusalError } from "../smtp-refusal";
import { env } from "@/server/shared/env";
import { logger } from "@/server/shared/logger";
import { countAccepted, countRefused } from "./accept-metrics";
import { authenticate } from "./authenticate";
import { dataStep } from "./data-step";
import { installDrainGate } from "./drain-gate";
import { installGreetingDelay } from "./greeting-delay";
import { mailFromStep } from "./mail-from-step";
import { rcptToStep } from "./rcpt-to-step";
import { type EngineServerOptions } from "./smtp-internals";
import { authRequired, authUnavailable, localError, replyText, shuttingDown } from "./smtp-replies";
import { sessionInfo, type SessionInfo } from "./transaction-state";

const log = logger("mail.smtp");

/** mx: port 25, no AUTH; submission: 587, STARTTLS before AUTH; submissions: 465, implicit TLS. */
export type ListenerKind = "mx" | "submission" | "submissions";

export type ListenerSetup = {
  kind: ListenerKind;
  tls: { key: Buffer; cert: Buffer };
  /** While set, new sessions and commands between transactions get 421 4.3.2. */
  draining: () => boolean;
};

const listenerOf = (kind: ListenerKind): Listener => (kind === "mx" ? "mx" : "submission");

function refused(listener: Listener, phase: string, session: SMTPServerSession, r: SmtpRefusal): Error {
  countRefused(listener, phase, r);
  log.info("refused", { phase, code: r.code, enhanced: r.enhanced, ip: session.remoteAddress, sid: session.id });
  return refusalError(r);
}

function failed(listener: Listener, phase: string, session: SMTPServerSession, e: unknown, r: SmtpRefusal = localError()): Error {
  countRefused(listener, phase, r);
  log.error("handler failed", { phase, ip: session.remoteAddress, sid: session.id, error: e instanceof Error ? e.message : String(e) });
  return refusalError(r);
}

/** One SMTP listener with the engine's handlers; listen() is the caller's. */
export function createListener(setup: ListenerSetup): SMTPServer {
  installGreetingDelay();
  installDrainGate();
  const e = env();
  const listener = listenerOf(setup.kind);
  const host = mailHostname();
  const size = e.SMTP_MAX_MESSAGE_MB * 1024 * 1024;
  const drainReply = replyText(shuttingDown(host));

  /** A MAIL FROM / RCPT TO handler: runs the step with the session marked busy, answers its refusal. */
  const commandStep =
    <A>(phase: string, run: (info: SessionInfo, arg: A, session: SMTPServerSession) => Promise<SmtpRefusal | null>) =>
    (arg: A, session: SMTPServerSession, cb: (err?: Error | null) => void) => {
      const info = sessionInfo(session, listener);
      info.busy++;
      run(info, arg, session)
        .then(
          (r) => cb(r ? refused(listener, phase, session, r) : undefined),
          (err: unknown) => cb(failed(listener, phase, session, err)),
        )
        .finally(() => info.busy--);
    };

  const options: SMTPServerOptions & EngineServerOptions = {
    name: host,
    key: setup.tls.key,
    cert: setup.tls.cert,
    secure: setup.kind === "submissions",
    size,
    logger: false,
    disableReverseLookup: true, // no PTR lookups on the accept path (slow, and no DNS here)
    // Our addresses, the relay and the store are ASCII-only for now: refuse UTF-8 envelopes
    // up front rather than accept mail we could not deliver ([Filtering] may revisit this).
    hideSMTPUTF8: true,
    greetingDelay: setup.kind === "mx" ? e.SMTP_MX_GREETING_DELAY_MS : e.SMTP_SUBMISSION_GREETING_DELAY_MS,
    drainReply: () => (setup.draining() ? drainReply : null),
    ...(setup.kind === "mx"
      ? { disabledCommands: ["AUTH"], authOptional: true }
      : { authMethods: ["PLAIN", "LOGIN"], authOptional: false, authRequiredMessage: replyText(authRequired()) }),

    onConnect(session, cb) {
      if (setup.draining()) return cb(refusalError(shuttingDown(host)));
      if (!hasHooks("connect")) return cb();
      runRefusingHooks("connect", { listener, clientIp: session.remoteAddress }).then(
        (r) => cb(r ? refused(listener, "connect", session, r) : undefined),
        (err: unknown) => cb(failed(listener, "connect", session, err)),
      );
    },

    onAuth(auth, session, cb) {
      const info = sessionInfo(session, listener);
      info.busy++;
      authenticate(auth.username ?? "", auth.password ?? "", session.remoteAddress)
        .then(
          (r) => ("code" in r ? cb(refused(listener, "auth", session, r)) : cb(null, { user: r })),
          (err: unknown) => cb(failed(listener, "auth", session, err, authUnavailable())),
        )
        .finally(() => info.busy--);
    },

    onMailFrom: commandStep("mail", mailFromStep),
    onRcptTo: commandStep("rcpt", rcptToStep),

    onData(stream, session, cb) {
      const info = sessionInfo(session, listener);
      info.busy++;
      const dataStartedAt = performance.now();
      dataStep(info, stream, session, size)
        .then(
          (r) => {
            if ("code" in r) return cb(refused(listener, "data", session, r));
            const m = r.accepted;
            countAccepted(m, dataStartedAt);
            log.info("accepted", { id: m.id, listener, ip: m.clientIp, from: m.mailFrom, rcpts: m.recipients.length, size: m.bytes.length, ...(m.quarantine ? { quarantine: m.quarantine.kind } : {}) });
            cb(null, `2.0.0 Ok: queued as ${m.id}`);
          },
          (err: unknown) => {
            // The client vanished mid-DATA (the stream was destroyed): nothing was stored, and nobody is left to answer.
            if ((err as { code?: string }).code !== "ECONNECTION") return cb(failed(listener, "data", session, err));
            log.info("client left during DATA", { ip: session.remoteAddress, sid: session.id });
            cb(refusalError(localError()));
          },
        )
        .finally(() => {
          info.busy--;
          info.tx = null;
        });
    },
  };
  const server = new SMTPServer(options);
  // Socket and TLS errors of one client (a failed handshake, a reset) must never stop the engine.
  server.on("error", (err: Error & { code?: string }) => log.debug("connection error", { listener: setup.kind, code: err.code, error: err.message }));
  return server;
}
