import { readFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import type { SMTPServer } from "smtp-server";
import { disconnectDb } from "@/server/shared/db";
import { env } from "@/server/shared/env";
import { logger } from "@/server/shared/logger";
import { clearAcceptCaches } from "./accept/clear-accept-caches";
import { registerFilterHooks } from "./filter/register-filters";
import { mailHostname, tlsPaths } from "./paths";
import { startPop3 } from "./pop3/pop3-server";
import { closeStorePool } from "./store/store-db";
import { recoverUnsyncedMessages } from "./store/recover-unsynced";
import { sweepOrphanFiles } from "./store/sweep-orphans";
import { flushSyncedMarks } from "./store/unsynced-marks";
import { createListener, type ListenerKind } from "./smtp/create-listener";
import { closeAllSessions, closeIdleSessions } from "./smtp/drain-gate";
import { replyText, shuttingDown } from "./smtp/smtp-replies";
import { isBusy } from "./smtp/transaction-state";

// The mail engine process (issue 7): three SMTP listeners and two POP3 listeners over one
// store. stop() drains: the listening sockets stay open so a new client reads "421 4.3.2"
// instead of a refused connection, sessions finish the transaction they are in, and after
// all of them ended (or MAIL_DRAIN_SECONDS) everything closes.

const log = logger("mail.engine");

export type EnginePort = ListenerKind | "pop3" | "pop3s";
export type EnginePorts = Record<EnginePort, number>;
export type EngineOptions = { host?: string; ports?: Partial<EnginePorts> };
export type RunningEngine = { ports: EnginePorts; stop(): Promise<void> };

const DRAIN_POLL_MS = 25;

async function readTls(): Promise<{ key: Buffer; cert: Buffer }> {
  const paths = tlsPaths();
  try {
    const [key, cert] = await Promise.all([readFile(paths.key), readFile(paths.cert)]);
    return { key, cert };
  } catch (e) {
    throw new Error(`mail TLS pair not readable (${paths.cert}, ${paths.key}): npm start makes a self-signed one, or set MAIL_TLS_CERT and MAIL_TLS_KEY (${e instanceof Error ? e.message : String(e)})`);
  }
}

function listen(server: SMTPServer, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (e: Error) => reject(e);
    server.server.once("error", onError);
    server.listen(port, host, () => {
      server.server.off("error", onError);
      resolve((server.server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: SMTPServer): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

/** Closes idle sessions until none is left, or the deadline; then ends whoever is still there. */
async function drain(servers: SMTPServer[], deadline: number, reply: string): Promise<void> {
  // Again at every poll: a session that has just finished its transaction is idle now, and a
  // client that keeps its connection open after the 250 would otherwise hold the drain.
  const closeIdle = () => servers.forEach((s) => closeIdleSessions(s, reply, (conn) => isBusy(conn.session)));
  closeIdle();
  while (Date.now() < deadline && servers.some((s) => s.connections.size > 0)) {
    await new Promise((r) => setTimeout(r, DRAIN_POLL_MS));
    closeIdle();
  }
  const left = servers.reduce((n, s) => n + s.connections.size, 0);
  if (left > 0) {
    log.warn("drain deadline reached: closing sessions", { sessions: left });
    for (const s of servers) closeAllSessions(s, reply);
  }
}

export async function startEngine(opts: EngineOptions = {}): Promise<RunningEngine> {
  const e = env();
  const host = opts.host ?? e.MAIL_BIND_HOST;
  const want: EnginePorts = {
    mx: e.SMTP_MX_PORT,
    submission: e.SMTP_SUBMISSION_PORT,
    submissions: e.SMTP_SUBMISSIONS_PORT,
    pop3: e.POP3_PORT,
    pop3s: e.POP3S_PORT,
    ...opts.ports,
  };
  const tls = await readTls();
  // Before any client can read the store: messages a crash caught between their commit and their
  // fsync are kept or taken back (recover-unsynced.ts).
  await recoverUnsyncedMessages();
  // Files a crash left without rows (no 250 was given for them); best effort, off the start path.
  const sweep = sweepOrphanFiles().then(
    (n) => n > 0 && log.info("orphan message files removed", { files: n }),
    (err: unknown) => log.warn("orphan sweep failed", { error: err instanceof Error ? err.message : String(err) }),
  );

  // Before the listeners open: no message may slip through unfiltered (issue 8).
  const unregisterFilters = e.MAIL_FILTERS === "on" ? registerFilterHooks() : () => {};
  let draining = false;
  const kinds: ListenerKind[] = ["mx", "submission", "submissions"];
  const smtp = kinds.map((kind) => ({ kind, server: createListener({ kind, tls, draining: () => draining }) }));
  const pop3Servers: { close(graceMs: number): Promise<void> }[] = [];
  const ports = { ...want };
  try {
    for (const { kind, server } of smtp) ports[kind] = await listen(server, want[kind], host);
    const pop3 = await startPop3({ host, port: want.pop3, implicitTls: false, tls });
    pop3Servers.push(pop3);
    ports.pop3 = pop3.port;
    const pop3s = await startPop3({ host, port: want.pop3s, implicitTls: true, tls });
    pop3Servers.push(pop3s);
    ports.pop3s = pop3s.port;
  } catch (err) {
    unregisterFilters();
    await Promise.all([...smtp.map((l) => (l.server.server.listening ? closeServer(l.server) : undefined)), ...pop3Servers.map((p) => p.close(0))]);
    throw err;
  }

  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      draining = true;
      const graceMs = e.MAIL_DRAIN_SECONDS * 1000;
      log.info("draining", { seconds: e.MAIL_DRAIN_SECONDS });
      const servers = smtp.map((l) => l.server);
      await Promise.all([drain(servers, Date.now() + graceMs, replyText(shuttingDown(mailHostname()))), ...pop3Servers.map((p) => p.close(graceMs))]);
      await Promise.all(servers.map(closeServer));
      await sweep;
      clearAcceptCaches();
      unregisterFilters();
      await flushSyncedMarks();
      await Promise.all([closeStorePool(), disconnectDb()]);
      log.info("engine stopped");
    })());
  return { ports, stop };
}
