// What `npm run bench:smtp` prints: the table of every target and cell, and the goal ratios of
// issue 7. The Haraka figure a ratio uses is, per cell, the faster of its two process models
// (nodes=cpus, nodes=0), so the peer is never the weaker of its own configurations.
import type { CellSummary } from "./stats";
import { ratioLine } from "./stats";
import { cellKey, type Cell, type MatrixResult } from "./matrix";

const n = (x: number) => (Number.isFinite(x) ? Math.round(x).toLocaleString("en-US") : "n/a");
const ms = (x: number) => (Number.isFinite(x) ? (x < 10 ? x.toFixed(1) : Math.round(x).toLocaleString("en-US")) : "n/a");
const cpu = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : "n/a");
const modeName = (c: Cell) => (c.mode === "new" ? "new conn" : "reused");

function rows(result: MatrixResult, cells: readonly Cell[]): { target: string; cell: Cell; s: CellSummary }[] {
  return [...result].flatMap(([target, byCell]) => cells.flatMap((cell) => {
    const s = byCell.get(cellKey(cell));
    return s ? [{ target, cell, s }] : [];
  }));
}

/** The console table. */
export function textTable(result: MatrixResult, cells: readonly Cell[]): string[] {
  const head = ["target", "connections", "clients", "msg/s median", "min–max", "txn p50 ms", "txn p99 ms", "CPU ms/msg", "+ MariaDB", "errors"];
  const body = rows(result, cells).map(({ target, cell, s }) => [
    target,
    modeName(cell),
    String(cell.clients),
    n(s.msgPerSec),
    `${n(s.min)}–${n(s.max)}`,
    ms(s.txnP50Ms),
    ms(s.txnP99Ms),
    cpu(s.cpuMsPerMsg),
    cpu(s.mariadbMsPerMsg),
    String(s.errors),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)];
}

/** The same table as Markdown, for docs/benchmarks.md. */
export function markdownTable(result: MatrixResult, cells: readonly Cell[]): string[] {
  return [
    "| target | connections | clients | msg/s (median of runs) | min–max | txn p50 / p99 ms | CPU ms/msg (server + its MariaDB connections) | errors |",
    "|---|---|---:|---:|---:|---:|---:|---:|",
    ...rows(result, cells).map(
      ({ target, cell, s }) =>
        `| ${target} | ${modeName(cell)} | ${cell.clients} | **${n(s.msgPerSec)}** | ${n(s.min)}–${n(s.max)} | ${ms(s.txnP50Ms)} / ${ms(s.txnP99Ms)} | ${cpu(s.cpuMsPerMsg)}${Number.isFinite(s.mariadbMsPerMsg) ? ` + ${cpu(s.mariadbMsPerMsg)}` : ""} | ${s.errors} |`,
    ),
  ];
}

/** The faster of several targets' summaries of one cell, and its name. */
export function fastest(result: MatrixResult, names: readonly string[], cell: Cell): { name: string; s: CellSummary } | null {
  let best: { name: string; s: CellSummary } | null = null;
  for (const name of names) {
    const s = result.get(name)?.get(cellKey(cell));
    if (s && (!best || s.msgPerSec > best.s.msgPerSec)) best = { name, s };
  }
  return best;
}

export type GoalLine = { label: string; text: string; met: boolean; cpu: string };

/** CPU per message of the engine (with its MariaDB connections) and of the peer: what a CPU-bound ratio tends to on an idle box. */
function cpuComparison(engine: CellSummary, peer: CellSummary): string {
  const own = engine.cpuMsPerMsg + (Number.isFinite(engine.mariadbMsPerMsg) ? engine.mariadbMsPerMsg : 0);
  return `CPU per message: engine ${cpu(own)} ms (with its MariaDB connections), peer ${cpu(peer.cpuMsPerMsg)} ms → ${(peer.cpuMsPerMsg / own).toFixed(2)} (above 1: the engine needs less CPU per message)`;
}

/** Issue 7's throughput goals: engine ≥ 1.5× Postfix (new connections, 50 clients); engine ≥ Haraka (reused connections). */
export function throughputGoals(result: MatrixResult, engine: string, postfix: string, harakas: readonly string[], reusedClients: readonly number[]): GoalLine[] {
  const goals: GoalLine[] = [];
  const e = (cell: Cell) => result.get(engine)?.get(cellKey(cell));
  const newCell: Cell = { mode: "new", clients: 50 };
  const pf = result.get(postfix)?.get(cellKey(newCell));
  const en = e(newCell);
  if (en && pf) {
    const r = ratioLine(en.msgPerSec, pf.msgPerSec, 1.5);
    goals.push({ label: `engine / Postfix, new connections, 50 clients: ${n(en.msgPerSec)} / ${n(pf.msgPerSec)} msg/s`, text: r.text, met: r.ratio >= 1.5, cpu: cpuComparison(en, pf) });
  }
  for (const clients of reusedClients) {
    const cell: Cell = { mode: "reuse", clients };
    const hk = fastest(result, harakas, cell);
    const er = e(cell);
    if (!er || !hk) continue;
    const r = ratioLine(er.msgPerSec, hk.s.msgPerSec, 1.0);
    goals.push({ label: `engine / Haraka, reused connections, ${clients} clients: ${n(er.msgPerSec)} / ${n(hk.s.msgPerSec)} msg/s (${hk.name})`, text: r.text, met: r.ratio >= 1.0, cpu: cpuComparison(er, hk.s) });
  }
  return goals;
}
