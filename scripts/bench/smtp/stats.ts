// Pure arithmetic of the SMTP bench: quantiles of latencies, medians of runs.

/** The q-quantile (nearest rank) of `xs`; NaN when empty. */
export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
}

/** The median of an odd count is the middle value; of an even count, the lower middle (a value that was measured). */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  return [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
}

/** One load-generator run, as the generator prints it. */
export type RunResult = { ok: number; errors: number; seconds: number; msgPerSec: number; txnP50Ms: number; txnP99Ms: number; firstError?: string };

/** A run as the bench measured it around the generator: CPU per accepted message of the server's process tree and of MariaDB. */
export type MeasuredRun = RunResult & { cpuMsPerMsg?: number; mariadbMsPerMsg?: number };

export type CellSummary = {
  runs: MeasuredRun[];
  msgPerSec: number;
  min: number;
  max: number;
  txnP50Ms: number;
  txnP99Ms: number;
  cpuMsPerMsg: number;
  mariadbMsPerMsg: number;
  errors: number;
};

const medianOf = (runs: readonly MeasuredRun[], pick: (r: MeasuredRun) => number | undefined) =>
  median(runs.flatMap((r) => (pick(r) === undefined ? [] : [pick(r)!])));

/** Median throughput of the runs and their spread; medians of the runs' latency quantiles and CPU costs. */
export function summarize(runs: readonly MeasuredRun[]): CellSummary {
  const rates = runs.map((r) => r.msgPerSec);
  return {
    runs: [...runs],
    msgPerSec: median(rates),
    min: Math.min(...rates),
    max: Math.max(...rates),
    txnP50Ms: medianOf(runs, (r) => r.txnP50Ms),
    txnP99Ms: medianOf(runs, (r) => r.txnP99Ms),
    cpuMsPerMsg: medianOf(runs, (r) => r.cpuMsPerMsg),
    mariadbMsPerMsg: medianOf(runs, (r) => r.mariadbMsPerMsg),
    errors: runs.reduce((n, r) => n + r.errors, 0),
  };
}

/** "2.03× (goal ≥ 1.5: met)" */
export function ratioLine(numerator: number, denominator: number, goal: number): { ratio: number; text: string } {
  const ratio = numerator / denominator;
  const met = Number.isFinite(ratio) && ratio >= goal;
  return { ratio, text: `${Number.isFinite(ratio) ? ratio.toFixed(2) : "n/a"}× (goal ≥ ${goal}: ${met ? "met" : "NOT met"})` };
}
