// Process plumbing of the SMTP bench: free ports, waiting for a listener, running the bench's
// own child scripts, and stopping what the bench started (by pid, never by name).
import { execFile, spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import { promisify } from "node:util";
import { processGroupMembers, processGroupOf } from "./cpu";

export const execFileP = promisify(execFile);
export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A TCP port free on 127.0.0.1 right now (for servers whose port must be written into a config). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer().once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** Resolves when something on `port` sends an SMTP 220 greeting; rejects after `timeoutMs`. */
export async function waitForSmtp(port: number, timeoutMs: number, isAlive: () => boolean = () => true): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const greeted = await new Promise<boolean>((resolve) => {
      const s = net.connect({ host: "127.0.0.1", port });
      s.setTimeout(2000, () => (s.destroy(), resolve(false)));
      s.once("data", (d) => (s.end("QUIT\r\n"), resolve(d.toString("latin1").startsWith("220"))));
      s.once("error", () => resolve(false));
    });
    if (greeted) return;
    if (!isAlive()) throw new Error(`the server for port ${port} exited before it greeted`);
    if (Date.now() > until) throw new Error(`nothing greeted on port ${port} within ${timeoutMs / 1000} s`);
    await sleep(200);
  }
}

const scripts = new Set<ChildProcess>();

/** Ends the bench's client scripts still running (on Ctrl-C). */
export function killScripts(): void {
  for (const child of scripts) child.kill("SIGKILL");
}

/** Runs one of the bench's TypeScript entries (`scripts/bench/smtp/<file>`) and returns its last stdout line as JSON. */
export async function runJsonScript<T>(file: string, args: string[], timeoutMs: number): Promise<T> {
  const run = execFileP(process.execPath, ["--import", "tsx", `scripts/bench/smtp/${file}`, ...args], {
    timeout: timeoutMs,
    maxBuffer: 16 << 20,
  });
  scripts.add(run.child);
  const { stdout } = await run.finally(() => scripts.delete(run.child));
  const last = stdout.trim().split("\n").pop() ?? "";
  try {
    return JSON.parse(last) as T;
  } catch {
    throw new Error(`${file} printed no result: ${stdout.slice(-500)}`);
  }
}

/** Why a server the bench started is gone ("exited with code 1", "killed by SIGKILL"), or null while it runs. */
export function childGone(child: ChildProcess): string | null {
  if (child.signalCode !== null) return `killed by ${child.signalCode}`;
  if (child.exitCode !== null) return `exited with code ${child.exitCode}`;
  return null;
}

/** Why the process `pid` (not the bench's child) is gone, or null while it runs. */
export function pidGone(pid: number | null): string | null {
  if (!pid) return "no pid";
  try {
    process.kill(pid, 0);
    return null;
  } catch {
    return `process ${pid} is gone`;
  }
}

/**
 * Signals `child` — and, with `group`, the members of the process group it leads (Haraka's
 * cluster workers) — then SIGKILLs whatever has not exited after `graceMs`. The members are
 * listed while the leader lives and each is checked to be still in the group before every
 * signal, so a pid the system reuses later is never hit (no `kill(-pgid)` after the leader is
 * gone).
 */
export async function stopChild(child: ChildProcess, signal: NodeJS.Signals, graceMs: number, group = false): Promise<void> {
  const pid = child.pid;
  if (childGone(child) || pid === undefined) return;
  const members = group ? processGroupMembers(pid).filter((m) => m !== pid) : [];
  const signalAll = (s: NodeJS.Signals) => {
    if (!childGone(child)) child.kill(s);
    for (const m of members) {
      try {
        if (processGroupOf(m) === pid) process.kill(m, s);
      } catch {
        // already gone
      }
    }
  };
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  signalAll(signal);
  const timer = setTimeout(() => signalAll("SIGKILL"), graceMs);
  await exited;
  clearTimeout(timer);
  // Cluster workers may outlive their master by a moment; make sure none is left.
  signalAll("SIGKILL");
}

/**
 * Spawns a long-running server in its own process group (so a Ctrl-C of the bench reaches the
 * bench, which stops it in order); stdout is dropped, stderr goes to `stderrFd` or the bench's.
 */
export function spawnServer(command: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; stderrFd?: number; stdout?: "pipe" } = {}): ChildProcess {
  return spawn(command, args, {
    cwd: opts.cwd,
    env: opts.env ?? process.env,
    detached: true,
    stdio: ["ignore", opts.stdout ?? "ignore", opts.stderrFd ?? "inherit"],
  });
}
