// The DNS sandbox for `npm run bench:dns`, run as its own process (`npm run dns` on a free
// port), as in production where resolvers are other machines: the checker's process then spends
// its CPU on checking, not on answering its own queries.
import { spawn, type ChildProcess } from "node:child_process";
import { createSocket } from "node:dgram";
import { createServer } from "node:net";
import { query } from "@/server/dns/resolver";
import type { Resolver } from "@/server/dns/dns.types";

/** A port free for both UDP and TCP on 127.0.0.1 (the sandbox listens on both). */
async function freePort(): Promise<number> {
  for (;;) {
    const udp = createSocket("udp4");
    const port = await new Promise<number>((resolve) => udp.bind(0, "127.0.0.1", () => resolve(udp.address().port)));
    const tcpFree = await new Promise<boolean>((resolve) => {
      const tcp = createServer().once("error", () => resolve(false));
      tcp.listen(port, "127.0.0.1", () => tcp.close(() => resolve(true)));
    });
    await new Promise<void>((r) => udp.close(() => r()));
    if (tcpFree) return port;
  }
}

export type SandboxProcess = { resolver: Resolver; stop(): Promise<void> };

/** Starts the sandbox over `databaseUrl` and waits until it answers `probeName` TXT (the zone is loaded before it listens). */
export async function startSandboxProcess(databaseUrl: string, probeName: string, timeoutMs = 120_000): Promise<SandboxProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "scripts/dns.ts"], {
    env: { ...process.env, DATABASE_URL: databaseUrl, DNS_SANDBOX_PORT: String(port), LOG_LEVEL: "warn" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  let exited: number | null = null;
  const done = new Promise<void>((resolve) => child.once("exit", (code) => ((exited = code ?? 1), resolve())));
  const resolver = { host: "127.0.0.1", port };
  const stop = async () => {
    if (exited === null) child.kill("SIGTERM");
    await done;
  };
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (exited !== null) throw new Error(`the DNS sandbox exited with code ${exited}`);
    if ((await query(probeName, "TXT", resolver, { timeoutMs: 300 })).outcome === "answer") return { resolver, stop };
    if (Date.now() > until) {
      await stop();
      throw new Error(`the DNS sandbox did not answer within ${timeoutMs / 1000} s`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
