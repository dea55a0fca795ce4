import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { ProcessSpec } from "./supervisor";

// Real processes: each child prints its own pid and that of a grandchild it spawned, then
// runs until stopped. The supervisor must leave none of them behind, whatever way it ends.
const CHILD = `
  const { spawn } = require("node:child_process");
  const g = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
  console.log("pids " + process.pid + " " + g.pid);
  setInterval(() => {}, 1000);
`;
const child = (name: string): ProcessSpec => ({ name, command: process.execPath, args: ["-e", CHILD] });

/** Running, not a zombie: an orphan killed here may wait for a PID 1 that never reaps it. */
function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

async function run(specs: ProcessSpec[], { waitForPids, then }: { waitForPids: number; then?: (pid: number) => void }) {
  // node --import tsx, as the start scripts run it: no tsx wrapper process relaying signals.
  const sup = spawn(process.execPath, ["--import", "tsx", "scripts/supervisor.fixture.ts", JSON.stringify(specs), "2000"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  const pids: number[] = [];
  const exited = new Promise<number | null>((resolve) => sup.on("exit", (code) => resolve(code)));
  await new Promise<void>((resolve) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      for (const m of d.toString().matchAll(/pids (\d+) (\d+)/g)) pids.push(Number(m[1]), Number(m[2]));
      if (pids.length >= waitForPids * 2) resolve();
    };
    sup.stdout.on("data", onData);
    sup.stderr.on("data", (d: Buffer) => (out += d.toString()));
    if (waitForPids === 0) resolve();
  });
  then?.(sup.pid!);
  const code = await exited;
  await new Promise((r) => setTimeout(r, 300)); // let the kernel reap the killed groups
  return { code, out: out.replace(/\x1b\[[0-9;]*m/g, ""), pids }; // without the prefixes' colours
}

describe("supervisor", () => {
  it("stops every child and grandchild on SIGINT, even when the signal arrives twice at once", async () => {
    const { code, out, pids } = await run([child("portal"), child("workers")], {
      waitForPids: 2,
      then: (pid) => {
        process.kill(pid, "SIGINT");
        process.kill(pid, "SIGINT"); // the same Ctrl-C, relayed
      },
    });
    expect(code).toBe(0);
    expect(out).toMatch(/portal +\| pids/);
    expect(out).not.toMatch(/stopping now/);
    expect(pids.filter(alive)).toEqual([]);
  }, 20_000);

  it("takes everything down, non-zero, when one child cannot be started", async () => {
    const missing = { name: "ghost", command: "/nonexistent/binary", args: [] };
    const { code, out, pids } = await run([child("portal"), missing], { waitForPids: 0 });
    expect(code).toBe(1);
    expect(out).toMatch(/ghost +\| could not start: spawn \/nonexistent\/binary ENOENT/);
    expect(pids.filter(alive)).toEqual([]);
  }, 20_000);

  it("takes everything down with the child's exit code when one child dies", async () => {
    const dying = { name: "dying", command: process.execPath, args: ["-e", "setTimeout(() => process.exit(3), 500)"] };
    const { code, out, pids } = await run([child("portal"), dying], { waitForPids: 1 });
    expect(code).toBe(3);
    expect(out).toMatch(/dying +\| exited \(3\)/);
    expect(pids.filter(alive)).toEqual([]);
  }, 20_000);
});
