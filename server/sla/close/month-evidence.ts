import { MINUTE_MS } from "../rules/constants";
import type { MonthEvaluation, PromiseName, SlaTargets } from "../rules/evaluate-month";
import { durationText, msText, percentText } from "../rules/format";
import type { ClosedSample } from "./close-inputs";

// What a breach record keeps as its evidence, built from the month's evaluation: the failure
// minutes as runs (the outage chart's bars), the failing samples behind them (the first
// MAX_CITED, with their ids, so anyone can find the rows the day digests cover; the count says
// how many there are — a platform outage's samples are the same for every tenant, and copying
// hundreds into 10,000 breach rows would store the month's evidence 10,000 times), the exclusions
// applied, and the computation step by step.

export const MAX_CITED = 20;

export type MinuteRun = { from: string; to: string; minutes: number };

/** Sorted epoch minutes → runs of consecutive minutes, as ISO instants [from, to). */
export function minuteRuns(minutes: readonly number[]): MinuteRun[] {
  const runs: MinuteRun[] = [];
  let start: number | null = null;
  let prev = 0;
  const close = () => {
    if (start !== null) runs.push({ from: new Date(start * MINUTE_MS).toISOString(), to: new Date((prev + 1) * MINUTE_MS).toISOString(), minutes: prev - start + 1 });
  };
  for (const m of minutes) {
    if (start === null || m !== prev + 1) {
      close();
      start = m;
    }
    prev = m;
  }
  close();
  return runs;
}

export type CitedSample = { id: string; probe: string; target: string; location: string; at: string; error: string | null; tenantScoped: boolean };

/** The failing samples that fall in the given minutes (platform-wide and this tenant's). */
export function citedSamples(samples: readonly ClosedSample[], minutes: readonly number[], probes?: readonly string[]): { cited: CitedSample[]; total: number } {
  const wanted = new Set(minutes);
  const failing = samples.filter((s) => !s.ok && wanted.has(Math.floor(s.at / MINUTE_MS)) && (!probes || probes.includes(s.probe)));
  return {
    total: failing.length,
    cited: failing.slice(0, MAX_CITED).map((s) => ({
      id: String(s.id),
      probe: s.probe,
      target: s.target,
      location: s.location,
      at: new Date(s.at).toISOString(),
      error: s.error,
      tenantScoped: s.tenantId !== null,
    })),
  };
}

const MINUTE_PROMISES: Partial<Record<PromiseName, keyof MonthEvaluation["failureMinutes"]>> = {
  availability: "availability",
  connectivity: "connectivity",
  power: "power",
};

/** The evidence of one breached promise. */
export function breachEvidence(promise: PromiseName, evaluation: MonthEvaluation, samples: readonly ClosedSample[], probes: readonly string[]): Record<string, unknown> {
  const figure = evaluation.promises[promise];
  const key = MINUTE_PROMISES[promise];
  if (!key) return { figure };
  const minutes = evaluation.failureMinutes[key];
  const { cited, total } = key === "power" ? { cited: [], total: 0 } : citedSamples(samples, minutes, probes);
  return {
    figure,
    runs: minuteRuns(minutes),
    failingSamples: cited,
    failingSamplesTotal: total,
    exclusions: evaluation.exclusions.map((e) => ({ why: e.why, source: e.source, id: e.id, from: new Date(e.interval.start).toISOString(), to: new Date(e.interval.end).toISOString() })),
  };
}

const LATENCY_LIMITS: Partial<Record<PromiseName, [keyof SlaTargets, keyof SlaTargets]>> = {
  sendLatency: ["sendMeanMs", "sendMaxMs"],
  receiveLatency: ["receiveMeanMs", "receiveMaxMs"],
};

/** How a promise's figure reads in one line (the breach row's measured / target columns). */
export function measuredAndTarget(promise: PromiseName, evaluation: MonthEvaluation, targets: SlaTargets): { measured: string; target: string } {
  const f = evaluation.promises[promise];
  const limits = LATENCY_LIMITS[promise];
  if ("failureSeconds" in f) {
    return { measured: `${durationText(f.failureSeconds)} (${percentText(f.ratioPpm)})`, target: `≤ ${durationText(f.allowanceSec)} (${percentText(f.targetPpm)})` };
  }
  if ("meanMs" in f && limits) {
    return { measured: `mean ${msText(f.meanMs)}, max ${msText(f.maxMs)}`, target: `mean ≤ ${msText(targets[limits[0]])}, each ≤ ${msText(targets[limits[1]])}` };
  }
  if ("numerator" in f) {
    const bound = promise === "falsePositive" ? "≤" : "≥";
    return { measured: `${f.numerator}/${f.denominator} (${percentText(f.ppm)})`, target: `${bound} ${percentText(f.targetPpm)}` };
  }
  throw new Error(`no reading for ${promise}`);
}
