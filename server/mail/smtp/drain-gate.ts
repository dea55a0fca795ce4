import type { SMTPServer } from "smtp-server";
import type { SMTPConnection } from "smtp-server/lib/smtp-connection.js";
import { connectionPrototype, engineOptions } from "./smtp-internals";

// SIGTERM drain (issue 7 §6): a session keeps its current transaction (MAIL … DATA) but gets
// "421 4.3.2" for the first command after it and is closed. smtp-server's own close() stops
// listening at once (new clients would see a refused connection instead of a 421) and answers
// "421 Server shutting down" without an enhanced code, so the engine drains by itself: the
// listening socket stays open (onConnect refuses with 421, see listener-handlers.ts) and this
// gate answers commands between transactions.

let installed = false;

function idle(conn: SMTPConnection): boolean {
  // Not mid-command (an AUTH exchange, a TLS upgrade), no transaction open, greeting sent.
  return conn._ready && !conn._upgrading && !conn._nextHandler && !conn.session.envelope?.mailFrom;
}

export function installDrainGate(): void {
  if (installed) return;
  const proto = connectionPrototype();
  const stockOnCommand = proto._onCommand;
  proto._onCommand = function gatedOnCommand(this: SMTPConnection, command: Buffer, callback?: () => void) {
    const reply = engineOptions(this).drainReply?.();
    if (reply && idle(this) && !/^QUIT\b/i.test(command.toString("latin1", 0, 5))) {
      // A 421 closes the connection (send() calls close()); the parser stops with it.
      return this.send(421, reply, false);
    }
    return stockOnCommand.call(this, command, callback);
  };
  installed = true;
}

/**
 * At the start of a drain: closes, with the 421, every session that is idle between
 * transactions — it has nothing to finish, and waiting for its next command could hold the
 * drain until MAIL_DRAIN_SECONDS. `busy` says a handler of ours is still working for it.
 */
export function closeIdleSessions(server: SMTPServer, reply: string, busy: (conn: SMTPConnection) => boolean): void {
  for (const conn of [...server.connections]) if (idle(conn) && !busy(conn)) conn.send(421, reply, false);
}

/** Ends every remaining session (the drain's deadline passed). */
export function closeAllSessions(server: SMTPServer, reply: string): void {
  for (const conn of [...server.connections]) conn.send(421, reply, false);
}
