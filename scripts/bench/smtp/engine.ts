// The Mailstead engine as a bench target: `workers/mail-engine.ts` as its own process (as npm
// start runs it) over a fresh bench database seeded with bench@bench.test, a temporary DATA_DIR,
// a self-signed TLS pair and free ports, at LOG_LEVEL=warn. Every other setting is the engine's
// default (notably SMTP_MX_GREETING_DELAY_MS), so the bench measures what ships.
import type { ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, open, readFile } from "node:fs/promises";
import path from "node:path";
import { createDb } from "@/server/shared/db";
import { mariadbThreadsCpuMs } from "./cpu";
import { childGone, execFileP, spawnServer, stopChild, waitForSmtp } from "./processes";
import { BENCH_MAILBOX, seedBenchMailbox } from "./seed-bench-mailbox";

export const ENGINE_ENTRY = "workers/mail-engine.ts";

export type EnginePorts = { mx: number; submission: number; submissions: number; pop3: number; pop3s: number };

export type EnginePeer = {
  port: number;
  ports: EnginePorts;
  version: string;
  pid(): number | null;
  gone(): string | null;
  databaseCpuMs(): Promise<Map<number, number>>;
  settle(): Promise<void>;
  delivered(): Promise<number>;
  /** What the engine wrote to stderr (its warn and error log lines). */
  warnings(): Promise<string[]>;
  stop(): Promise<void>;
};

async function selfSignedPair(dir: string): Promise<{ cert: string; key: string }> {
  const cert = path.join(dir, "mail.crt");
  const key = path.join(dir, "mail.key");
  await execFileP("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "2", "-subj", "/CN=mx.bench.test", "-addext", "subjectAltName=DNS:mx.bench.test,DNS:localhost,IP:127.0.0.1"]);
  return { cert, key };
}

/** The engine's own settings the bench does not override, as the engine will read them (its defaults unless the caller's env sets them). */
export function engineSettings(): Record<string, string> {
  const pick = (name: string, fallback: string) => process.env[name] ?? fallback;
  return {
    SMTP_MX_GREETING_DELAY_MS: pick("SMTP_MX_GREETING_DELAY_MS", "0 (default)"),
    MAIL_CACHE_SECONDS: pick("MAIL_CACHE_SECONDS", "5 (default)"),
    MAIL_AUTH_CACHE_SECONDS: pick("MAIL_AUTH_CACHE_SECONDS", "60 (default)"),
  };
}

/**
 * The ports from the engine's `{"msg":"engine listening","ports":{…}}` stdout line (written
 * whatever LOG_LEVEL is; the bench starts it on port 0). Keeps reading stdout afterwards so the
 * pipe never fills.
 */
function listeningPorts(child: ChildProcess, timeoutMs: number): Promise<EnginePorts> {
  return new Promise((resolve, reject) => {
    let buffer = "";
    const timer = setTimeout(() => reject(new Error(`the engine did not say "engine listening" within ${timeoutMs / 1000} s`)), timeoutMs);
    child.once("exit", (code) => reject(new Error(`the engine exited (code ${code}) before it listened`)));
    child.stdout!.on("data", (chunk: Buffer) => {
      buffer += chunk.toString("utf8");
      let end: number;
      while ((end = buffer.indexOf("\n")) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 1);
        if (!line.includes('"engine listening"')) continue;
        clearTimeout(timer);
        resolve((JSON.parse(line) as { ports: EnginePorts }).ports);
      }
    });
  });
}

export async function startEngine(databaseUrl: string, dir: string, log: (s: string) => void): Promise<EnginePeer> {
  if (!existsSync(ENGINE_ENTRY)) throw new Error(`${ENGINE_ENTRY} does not exist yet`);
  await seedBenchMailbox(databaseUrl);
  const dataDir = path.join(dir, "data");
  await mkdir(dataDir, { recursive: true });
  const tls = await selfSignedPair(dir);
  const stderrPath = path.join(dir, "engine.stderr.log");
  const stderr = await open(stderrPath, "a");
  // BENCH_ENGINE_CPU_PROF=<dir>: the engine writes a V8 CPU profile there when it stops (open it in Chrome's DevTools).
  const profile = process.env.BENCH_ENGINE_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_ENGINE_CPU_PROF}`] : [];
  const child: ChildProcess = spawnServer(process.execPath, [...profile, "--import", "tsx", ENGINE_ENTRY], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      MAIL_BIND_HOST: "127.0.0.1",
      SMTP_MX_PORT: "0",
      SMTP_SUBMISSION_PORT: "0",
      SMTP_SUBMISSIONS_PORT: "0",
      POP3_PORT: "0",
      POP3S_PORT: "0",
      MAIL_TLS_CERT: tls.cert,
      MAIL_TLS_KEY: tls.key,
      LOG_LEVEL: "warn",
      // Postfix and Haraka run without content filters here, so the engine does too (issue 7's
      // comparison); bench:outbound measures what filtering costs.
      MAIL_FILTERS: process.env.MAIL_FILTERS ?? "off",
    },
    stderrFd: stderr.fd,
    stdout: "pipe",
  });
  await stderr.close();
  // SIGTERM drains sessions (MAIL_DRAIN_SECONDS, 10 s by default) before the engine exits.
  const stop = () => stopChild(child, "SIGTERM", 30_000);
  let ports: EnginePorts;
  try {
    ports = await listeningPorts(child, 60_000);
    await waitForSmtp(ports.mx, 10_000, () => child.exitCode === null);
  } catch (e) {
    await stop();
    const tail = (await readFile(stderrPath, "utf8").catch(() => "")).slice(-1500);
    throw new Error(`${(e as Error).message}${tail ? `\nengine stderr:\n${tail}` : ""}`);
  }
  log(`engine up (pid ${child.pid}); ports ${JSON.stringify(ports)}; its warnings go to ${stderrPath}`);
  const db = createDb(databaseUrl);
  return {
    port: ports.mx,
    ports,
    version: "Mailstead engine (workers/mail-engine.ts)",
    pid: () => child.pid ?? null,
    gone: () => {
      const why = childGone(child);
      if (!why) return null;
      const tail = readFileSync(stderrPath, "utf8").trim().split("\n").slice(-5).join("\n");
      return tail ? `${why}; its last stderr lines:\n${tail}` : why;
    },
    // The engine's connections are the ones on the bench database (this one's own included, a query's worth).
    databaseCpuMs: async () => {
      const rows = await db.$queryRaw<{ TID: bigint | number }[]>`SELECT TID FROM information_schema.PROCESSLIST WHERE DB = DATABASE()`;
      return mariadbThreadsCpuMs(rows.map((r) => Number(r.TID)));
    },
    // The engine commits before its 250: there is no backlog to wait for.
    settle: async () => {},
    delivered: () => db.storedMessage.count({ where: { mailbox: { address: BENCH_MAILBOX } } }),
    warnings: async () => (await readFile(stderrPath, "utf8").catch(() => "")).split("\n").filter(Boolean),
    stop: async () => {
      await stop();
      await db.$disconnect();
    },
  };
}
