// The measured runs of `npm run bench:smtp`: every target gets the same load-generator process
// for every cell (connection mode × clients), `rounds` times. Rounds are interleaved — round 1 of
// every cell and target, then round 2, … — with the target order rotated each round, so a noisy
// minute on this shared box lands on all targets rather than on one.
import { threadsCpuDelta, treeCpuMs } from "./cpu";
import { runJsonScript } from "./processes";
import { summarize, type CellSummary, type MeasuredRun, type RunResult } from "./stats";

/**
 * A server under test; `pid` is the root of its process tree (for its CPU time); `databaseCpuMs`,
 * for a target that uses MariaDB, the CPU its own connections have used there so far.
 */
export type Target = {
  name: string;
  port: number;
  pid(): number | null;
  /** Why the server is no longer running, or null while it is. */
  gone(): string | null;
  databaseCpuMs?(): Promise<Map<number, number>>;
  settle(): Promise<void>;
  delivered(): Promise<number>;
};

/** Stops the bench with a clear reason when a server died (a crash, or someone else's kill) instead of measuring refused connections. */
export function assertRunning(t: Target): void {
  const why = t.gone();
  if (why) throw new Error(`${t.name} is no longer running (${why}); nothing more to measure`);
}
export type Cell = { mode: "new" | "reuse"; clients: number };
export type Load = { seconds: number; count: number };

export const cellKey = (c: Cell) => `${c.mode}/${c.clients}`;

export function runLoad(port: number, cell: Cell, load: Load): Promise<RunResult> {
  const args = ["--port", String(port), "--mode", cell.mode, "--conc", String(cell.clients), "--count", String(load.count), "--seconds", String(load.seconds)];
  return runJsonScript<RunResult>("load-generator.ts", args, (load.seconds + 120) * 1000);
}

/** A short untimed load per connection mode: JIT, caches, process pools and connection tables warm before anything is measured. */
export async function warmUp(target: Target, seconds: number): Promise<number> {
  let ok = 0;
  for (const cell of [{ mode: "reuse", clients: 10 }, { mode: "new", clients: 50 }] as const) {
    assertRunning(target);
    ok += (await runLoad(target.port, cell, { seconds, count: 1_000_000 })).ok;
  }
  await target.settle();
  assertRunning(target);
  return ok;
}

/**
 * One load run with the CPU the target's processes (and its MariaDB connections, if any) spent
 * on it, up to the end of its own backlog: Postfix delivers after its 250, and that work is part
 * of its cost per message.
 */
async function measuredRun(t: Target, cell: Cell, load: Load): Promise<MeasuredRun> {
  assertRunning(t);
  const pid = t.pid();
  const cpu0 = pid ? treeCpuMs(pid) : null;
  const db0 = t.databaseCpuMs ? await t.databaseCpuMs() : null;
  const res = await runLoad(t.port, cell, load);
  await t.settle();
  const cpu1 = pid ? treeCpuMs(pid) : null;
  const db1 = t.databaseCpuMs ? await t.databaseCpuMs() : null;
  const per = (ms: number | null) => (ms === null || res.ok === 0 ? undefined : +(ms / res.ok).toFixed(3));
  return {
    ...res,
    cpuMsPerMsg: per(cpu0 === null || cpu1 === null ? null : cpu1 - cpu0),
    mariadbMsPerMsg: per(db0 === null || db1 === null ? null : threadsCpuDelta(db0, db1)),
  };
}

export type MatrixResult = Map<string, Map<string, CellSummary>>; // target name → cell key → summary

export async function runMatrix(
  targets: readonly Target[],
  cells: readonly Cell[],
  rounds: number,
  load: Load,
  log: (s: string) => void,
): Promise<{ result: MatrixResult; accepted: Map<string, number> }> {
  const runs = new Map<string, Map<string, MeasuredRun[]>>(targets.map((t) => [t.name, new Map(cells.map((c) => [cellKey(c), []]))]));
  const accepted = new Map<string, number>(targets.map((t) => [t.name, 0]));
  for (let r = 0; r < rounds; r++) {
    const order = targets.map((_, i) => targets[(i + r) % targets.length]!);
    for (const cell of cells) {
      for (const t of order) {
        // A target that answers 250 before delivering (Postfix) may still be working off the previous run.
        for (const other of targets) await other.settle();
        const res = await measuredRun(t, cell, load);
        runs.get(t.name)!.get(cellKey(cell))!.push(res);
        accepted.set(t.name, accepted.get(t.name)! + res.ok);
        log(
          `round ${r + 1}/${rounds} ${cellKey(cell).padEnd(8)} ${t.name.padEnd(22)} ${String(Math.round(res.msgPerSec)).padStart(5)} msg/s  p50 ${res.txnP50Ms} ms  p99 ${res.txnP99Ms} ms` +
            `  CPU ${res.cpuMsPerMsg ?? "?"} ms/msg${res.mariadbMsPerMsg === undefined ? "" : ` + MariaDB ${res.mariadbMsPerMsg}`}${res.errors ? `  ${res.errors} errors (${res.firstError})` : ""}`,
        );
      }
    }
  }
  const result: MatrixResult = new Map([...runs].map(([name, byCell]) => [name, new Map([...byCell].map(([k, rs]) => [k, summarize(rs)]))]));
  return { result, accepted };
}
