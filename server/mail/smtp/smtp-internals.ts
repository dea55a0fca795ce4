import { SMTPConnection } from "smtp-server/lib/smtp-connection.js";

// smtp-server keeps two things we must change behind private methods: the hard-coded 100 ms
// early-talker pause (greeting-delay.ts) and the reply to commands during a drain
// (drain-gate.ts). We patch the prototype of the ESM copy — the same module system as the
// `smtp-server` import the listeners use, or the patch would land on the other (CJS) class.
// The version is pinned in package.json and this check makes an upgrade that renames or
// removes these internals fail at startup (and in the tests) instead of silently reverting.
const REQUIRED = ["init", "_setListeners", "connectionReady", "send", "close", "_onCommand"] as const;

export function connectionPrototype(): SMTPConnection {
  const proto = SMTPConnection.prototype as unknown as Record<string, unknown>;
  const missing = REQUIRED.filter((m) => typeof proto[m] !== "function");
  if (missing.length > 0) throw new Error(`smtp-server internals changed (missing ${missing.join(", ")}): review server/mail/smtp/greeting-delay.ts and drain-gate.ts`);
  return SMTPConnection.prototype;
}

/** Our own server options, read by the patched methods (smtp-server keeps unknown options as given). */
export type EngineServerOptions = {
  /** ms before the 220 greeting; 100 = the library's stock early-talker pause. */
  greetingDelay?: number;
  /** While this returns a reply text, commands outside a mail transaction get 421 and the connection closes. */
  drainReply?: () => string | null;
};

export function engineOptions(conn: SMTPConnection): EngineServerOptions {
  return conn._server.options as unknown as EngineServerOptions;
}
