// The DNS sandbox: an authoritative dns2 server on 127.0.0.1, UDP and TCP on one port, serving
// the SandboxRecord table. The zone is held in memory and reloaded when a cheap probe
// (MAX(id), COUNT(*)) changes, so "publish, then check now" works within the poll interval.
// Answers over 512 bytes (without EDNS) are truncated over UDP with TC set (sandbox-answer.ts).
import type { Socket } from "node:net";
import { TCPServer, UDPServer, type Packet } from "dns2";
import { db } from "@/server/shared/db";
import { env } from "@/server/shared/env";
import { logger } from "@/server/shared/logger";
import { buildZone, type Zone } from "./sandbox-zone";
import { answerBuffer, type AnswerCache } from "./sandbox-answer";

const log = logger("dns-sandbox");

export type SandboxServer = {
  host: string;
  port: number;
  /** Reloads the zone now (tests; the poll does it within `pollMs` anyway). */
  reload(): Promise<void>;
  close(): Promise<void>;
};

export type SandboxOptions = { host?: string; port?: number; pollMs?: number };

export async function startSandboxServer(options: SandboxOptions = {}): Promise<SandboxServer> {
  const host = options.host ?? "127.0.0.1";
  const pollMs = options.pollMs ?? 500;
  let zone: Zone = buildZone([]).zone;
  let cache: AnswerCache = new Map();
  let probe = "";

  // Refreshes run one at a time: an older read finishing after a newer one would otherwise
  // install a stale zone that the probe, already up to date, would never replace.
  let queue: Promise<void> = Promise.resolve();
  const refresh = (force: boolean) => {
    const run = queue.then(async () => {
      const { _max, _count } = await db.sandboxRecord.aggregate({ _max: { id: true }, _count: { _all: true } });
      const next = `${_max.id ?? 0}/${_count._all}`;
      if (!force && next === probe) return;
      const rows = await db.sandboxRecord.findMany({ select: { name: true, type: true, ttl: true, data: true }, orderBy: { id: "asc" } });
      const built = buildZone(rows);
      zone = built.zone;
      cache = new Map();
      probe = next; // only once loaded, so a failed load is retried at the next poll
      for (const row of built.skipped) log.warn("skipping an invalid sandbox record", { name: row.name, type: row.type });
      log.debug("zone loaded", { records: rows.length });
    });
    queue = run.catch(() => {});
    return run;
  };
  await refresh(true);

  const handle: Handle = (request, send, udp) => {
    // dns2's UDP send returns a promise, its TCP send nothing.
    Promise.resolve(send(answerBuffer(zone, cache, request, udp))).catch((e: Error) => log.debug("could not send an answer", { error: e.message }));
  };
  const { udp, tcp, port, connections } = await listenBoth(handle, host, options.port ?? env().DNS_SANDBOX_PORT);

  let polling = false;
  const timer = setInterval(() => {
    if (polling) return;
    polling = true;
    refresh(false)
      // Keep serving the zone we have; the database may be back at the next poll.
      .catch((e: Error) => log.warn("could not refresh the sandbox zone", { error: e.message }))
      .finally(() => (polling = false));
  }, pollMs);

  return {
    host,
    port,
    reload: () => refresh(true),
    close: async () => {
      clearInterval(timer);
      await queue; // a refresh in flight would otherwise outlive the server (and a test's database)
      connections.forEach((s) => s.destroy());
      await Promise.all([new Promise<void>((r) => udp.close(() => r())), new Promise<void>((r) => tcp.close(() => r()))]);
    },
  };
}

type Handle = (request: Packet, send: (response: Buffer) => unknown, udp: boolean) => void;

/** UDP and TCP servers on one port; with port 0, retries until the UDP port chosen is free for TCP too. */
async function listenBoth(handle: Handle, host: string, port: number) {
  for (let attempt = 0; ; attempt++) {
    const udp = new UDPServer((req, send) => handle(req, send, true));
    const tcp = new TCPServer((req, send) => handle(req, send, false));
    const connections = new Set<Socket>();
    tcp.on("connection", (s: Socket) => {
      connections.add(s);
      s.on("close", () => connections.delete(s));
    });
    for (const server of [udp, tcp]) server.on("requestError", (e: Error) => log.debug("unreadable query", { error: e.message }));
    try {
      const bound = await new Promise<number>((resolve, reject) => {
        udp.once("error", reject);
        udp.bind(port, host, () => {
          udp.off("error", reject);
          resolve(udp.address().port);
        });
      });
      await new Promise<void>((resolve, reject) => {
        tcp.once("error", (e) => {
          udp.close();
          reject(e);
        });
        tcp.listen(bound, host, () => {
          tcp.removeAllListeners("error");
          resolve();
        });
      });
      tcp.on("error", (e) => log.error("TCP server error", { error: e.message }));
      udp.on("error", (e) => log.error("UDP server error", { error: e.message }));
      return { udp, tcp, port: bound, connections };
    } catch (e) {
      if (port !== 0 || attempt >= 20 || (e as NodeJS.ErrnoException).code !== "EADDRINUSE") throw e;
    }
  }
}
