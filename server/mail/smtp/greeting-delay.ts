import { connectionPrototype, engineOptions } from "./smtp-internals";

// smtp-server 3.21.6 holds every greeting for a literal 100 ms to catch clients that talk
// before the 220 (spam bots). That alone caps new connections at concurrency / 0.1 s (96 msg/s
// at 10 clients), so the pause becomes a server option, `greetingDelay` (ms): undefined or 100
// runs the library's own code; 0 greets at once; anything else waits that long. The listeners
// set it from SMTP_MX_GREETING_DELAY_MS / SMTP_SUBMISSION_GREETING_DELAY_MS (default 0: the
// benchmark goal needs it off, and rspamd in [Filtering] judges early talkers better than a
// fixed pause). Tests (greeting-delay.int.test.ts) pin both behaviours.

let installed = false;

/** Patches SMTPConnection.prototype.init once per process; throws when the internals changed. */
export function installGreetingDelay(): void {
  if (installed) return;
  const proto = connectionPrototype();
  const stockInit = proto.init;
  proto.init = function patchedInit(this: typeof proto) {
    const delay = engineOptions(this).greetingDelay;
    if (delay === undefined || delay === 100) return stockInit.call(this);
    this._setListeners(() => {
      // The same maxClients guard as the stock init().
      const max = this._server.options.maxClients;
      if (max && this._server.connections.size > max) return this.send(421, this.name + " Too many connected clients, try again in a moment", false);
      if (delay > 0) setTimeout(() => this.connectionReady(), delay).unref();
      else this.connectionReady();
    });
  };
  installed = true;
}
