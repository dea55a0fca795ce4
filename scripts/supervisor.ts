// Runs a set of processes in the foreground with one prefixed log stream (npm start, npm run
// dev, the e2e server). Each child gets its own process group, so stopping it also stops what
// it spawned (`next start` leaves next-server behind otherwise). SIGINT/SIGTERM stop every
// group, SIGKILL after a grace period or at a second signal; a child that dies or cannot be
// spawned takes the rest down (half a product is worse than none); and whatever way the
// supervisor itself ends, its exit handler kills every group, so no child outlives it.
import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";

export type ProcessSpec = { name: string; command: string; args: string[]; env?: Record<string, string> };

const COLORS = [36, 35, 33, 32, 34, 31];
// One Ctrl-C reaches us several times within milliseconds (the terminal's process group, npm
// forwarding it, tsx relaying it); only a signal after this long is a person's second Ctrl-C.
const SAME_SIGNAL_MS = 1_000;

export function supervise(specs: ProcessSpec[], { graceMs = 15_000 }: { graceMs?: number } = {}): void {
  const width = Math.max(...specs.map((s) => s.name.length));
  const children: ChildProcess[] = [];
  const ended = new Set<ChildProcess>();
  let stopping = false;
  let stoppedAt = 0;
  let exitCode = 0;

  const say = (line: string) => process.stdout.write(`[mailstead] ${line}\n`);

  function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
    if (child.pid === undefined) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      /* the group is already gone */
    }
  }
  const killAll = (signal: NodeJS.Signals) => children.forEach((c) => killGroup(c, signal));

  function stop(reason: string, code: number) {
    if (stopping) {
      if (performance.now() - stoppedAt < SAME_SIGNAL_MS) return;
      say(`stopping now (${reason})`);
      killAll("SIGKILL");
      return;
    }
    stopping = true;
    stoppedAt = performance.now();
    exitCode ||= code;
    say(`stopping (${reason})`);
    killAll("SIGTERM");
    setTimeout(() => killAll("SIGKILL"), graceMs).unref();
  }

  function onEnded(child: ChildProcess, name: string, tag: string, what: string, code: number) {
    if (ended.has(child)) return;
    ended.add(child);
    process.stdout.write(`${tag}${what}\n`);
    killGroup(child, "SIGKILL"); // nothing of its group outlives it
    if (!stopping) stop(`${name} ${what}`, code || 1);
    if (ended.size === children.length) process.exit(exitCode);
  }

  specs.forEach((spec, i) => {
    const tag = `\x1b[${COLORS[i % COLORS.length]}m${spec.name.padEnd(width)} |\x1b[0m `;
    const child = spawn(spec.command, spec.args, {
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, ...spec.env, FORCE_COLOR: "1" },
    });
    children.push(child);
    for (const [stream, to] of [[child.stdout, process.stdout], [child.stderr, process.stderr]] as const) {
      if (stream) createInterface({ input: stream }).on("line", (line) => to.write(tag + line + "\n"));
    }
    child.on("error", (e) => onEnded(child, spec.name, tag, `could not start: ${e.message}`, 1));
    child.on("exit", (code, signal) => onEnded(child, spec.name, tag, `exited (${signal ?? code})`, code ?? 1));
  });

  process.on("SIGINT", () => stop("SIGINT", 0));
  process.on("SIGTERM", () => stop("SIGTERM", 0));
  process.on("SIGHUP", () => stop("SIGHUP", 0));
  process.on("uncaughtException", (e) => {
    process.stderr.write(`[mailstead] supervisor failed: ${e.stack ?? e}\n`);
    process.exit(1);
  });
  // Synchronous, so it runs on every way out, including process.exit above.
  process.on("exit", () => killAll("SIGKILL"));
}
