import net from "node:net";
import tls from "node:tls";
import { mailHostname } from "@/server/mail/paths";
import { logger } from "@/server/shared/logger";
import { mailMetrics } from "@/server/operations/monitoring/metrics/mail-metrics";
import { Pop3Connection } from "./pop3-connection";

// A POP3 listener (issue 7 §4): POP3_PORT offers STLS and refuses passwords until it has been
// used; POP3S_PORT speaks TLS from the first byte (RFC 8314).

const log = logger("mail.pop3");

export type Pop3ListenerOptions = {
  host: string;
  /** 0 picks a free port (tests); the port listened on is returned. */
  port: number;
  implicitTls: boolean;
  tls: { key: Buffer; cert: Buffer };
  /** RFC 1939 §3 asks at least 10 minutes (the default). */
  idleTimeoutMs?: number;
  /** Pause before answering a failed login (default 1 s). */
  loginFailureDelayMs?: number;
  /** The name in the greeting (default: MAIL_HOSTNAME). */
  hostname?: string;
};

export type Pop3Listener = { port: number; close(graceMs: number): Promise<void> };

const TEN_MINUTES = 10 * 60_000;
/** A client that connects to POP3S and never finishes the handshake is dropped after this. */
const TLS_HANDSHAKE_TIMEOUT_MS = 30_000;

export async function startPop3(opts: Pop3ListenerOptions): Promise<Pop3Listener> {
  const tlsOptions = { key: opts.tls.key, cert: opts.tls.cert, minVersion: "TLSv1.2" as const };
  // STLS wraps sockets with this context; the POP3S server builds its own from the same options.
  const secureContext = tls.createSecureContext(tlsOptions);
  const connectionOptions = {
    hostname: opts.hostname ?? mailHostname(),
    implicitTls: opts.implicitTls,
    secureContext,
    idleTimeoutMs: opts.idleTimeoutMs ?? TEN_MINUTES,
    loginFailureDelayMs: opts.loginFailureDelayMs ?? 1000,
  };
  const sessions = new Set<Pop3Connection>();
  // Every accepted TCP socket, including POP3S ones still in their handshake (not yet a session).
  const sockets = new Set<net.Socket>();
  const accept = (socket: net.Socket) => {
    const session = new Pop3Connection(socket, connectionOptions);
    sessions.add(session);
    const labels = { listener: opts.implicitTls ? "pop3s" : "pop3" };
    mailMetrics.pop3Sessions().inc(labels);
    mailMetrics.pop3Active().inc(labels);
    void session.done.then(() => {
      sessions.delete(session);
      mailMetrics.pop3Active().inc(labels, -1);
    });
  };
  const server = opts.implicitTls
    ? tls.createServer({ ...tlsOptions, handshakeTimeout: TLS_HANDSHAKE_TIMEOUT_MS }, accept)
    : net.createServer({ noDelay: true }, accept);
  server.on("connection", (socket: net.Socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  if (server instanceof tls.Server) {
    server.on("tlsClientError", (error, socket) => log.debug("pop3s TLS handshake failed", { ip: socket.remoteAddress, error: error.message }));
  }
  server.on("error", (error) => log.error("pop3 listener error", { port: opts.port, error: error.message }));

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : opts.port;
  log.info("pop3 listening", { host: opts.host, port, implicitTls: opts.implicitTls });

  return {
    port,
    async close(graceMs: number) {
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const session of sessions) session.shutdown(graceMs);
      await Promise.all([...sessions].map((s) => s.done));
      // Handshakes that never became sessions.
      for (const socket of sockets) socket.destroy();
      await stopped;
    },
  };
}
