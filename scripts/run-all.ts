// Runs the portal and the workers in the foreground with one prefixed log stream.
// Each child gets its own process group, so stopping it also stops whatever it spawned
// (`next start` leaves next-server behind otherwise); SIGINT/SIGTERM stop every group,
// SIGKILL after a grace period, and the supervisor exits only when all are gone.
import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { processes } from "./processes";
import { env } from "@/server/shared/env";

const GRACE_MS = 15_000;
const COLORS = [36, 35, 33, 32, 34, 31];
const mode = process.argv[2] === "dev" ? "dev" : "prod";

const config = env();
const specs = processes(mode, config.PORT);
const width = Math.max(...specs.map((s) => s.name.length));
const children: { name: string; child: ChildProcess }[] = [];
let stopping = false;
let exitCode = 0;

function prefix(name: string, i: number) {
  return `\x1b[${COLORS[i % COLORS.length]}m${name.padEnd(width)} |\x1b[0m `;
}

function pipe(stream: NodeJS.ReadableStream | null, to: NodeJS.WriteStream, tag: string) {
  if (!stream) return;
  createInterface({ input: stream }).on("line", (line) => to.write(tag + line + "\n"));
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    /* the group is already gone */
  }
}

function stop(reason: string) {
  if (stopping) return;
  stopping = true;
  process.stdout.write(`[mailstead] stopping (${reason})\n`);
  for (const { child } of children) killGroup(child, "SIGTERM");
  setTimeout(() => {
    for (const { child } of children) killGroup(child, "SIGKILL");
  }, GRACE_MS).unref();
}

specs.forEach((spec, i) => {
  const child = spawn(spec.command, spec.args, {
    detached: true, // own process group
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, ...spec.env, FORCE_COLOR: "1" },
  });
  const tag = prefix(spec.name, i);
  pipe(child.stdout, process.stdout, tag);
  pipe(child.stderr, process.stderr, tag);
  child.on("exit", (code, signal) => {
    process.stdout.write(`${tag}exited (${signal ?? code})\n`);
    // Any child dying on its own takes the whole product down: half a product is worse.
    if (!stopping) {
      exitCode = code || 1;
      stop(`${spec.name} exited`);
    }
    // Make sure nothing of its group outlives it.
    killGroup(child, "SIGKILL");
    if (children.every(({ child: c }) => c.exitCode !== null || c.signalCode !== null)) process.exit(exitCode);
  });
  children.push({ name: spec.name, child });
});

process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGHUP", () => stop("SIGHUP"));
