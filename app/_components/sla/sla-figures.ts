import type { MinuteRun, CitedSample } from "@/server/sla/close/month-evidence";
import type { MinutesFigure } from "@/server/sla/rules/availability";
import { MINUTE_MS } from "@/server/sla/rules/constants";
import type { PromiseName, SlaTargets } from "@/server/sla/rules/evaluate-month";
import { monthBounds } from "@/server/sla/rules/intervals";
import { LATENCY_BUCKETS_MS, type LatencyFigure } from "@/server/sla/rules/latency";
import type { RateFigure } from "@/server/sla/rules/rates";

// The SLA report's JSON (SlaMonth.figures, SlaBreach.evidence, written by the month close) read
// into the shapes the pages draw. Pure: unit-tested, and shared by the customer's and the
// operators' pages.

export type ExclusionView = { why: string; source: string; id: string | null; from: string; to: string };

export type ReportFigures = {
  promises: Partial<Record<PromiseName, MinutesFigure | LatencyFigure | RateFigure>>;
  breached: string[];
  interruptions: MinuteRun[];
  exclusions: ExclusionView[];
  activeMailboxes: number;
  targets: Partial<SlaTargets>;
};

export type BreachEvidence = {
  figure: MinutesFigure | LatencyFigure | RateFigure | null;
  runs: MinuteRun[];
  failingSamples: CitedSample[];
  failingSamplesTotal: number;
  exclusions: ExclusionView[];
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const list = <T,>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);

/** The figures of a closed month; anything missing reads as empty (an older close, a hand-made row). */
export function readFigures(raw: unknown): ReportFigures {
  const f = isObject(raw) ? raw : {};
  return {
    promises: isObject(f.promises) ? (f.promises as ReportFigures["promises"]) : {},
    breached: list<string>(f.breached),
    interruptions: list<MinuteRun>(f.interruptions),
    exclusions: list<ExclusionView>(f.exclusions),
    activeMailboxes: typeof f.activeMailboxes === "number" ? f.activeMailboxes : 0,
    targets: isObject(f.targets) ? (f.targets as Partial<SlaTargets>) : {},
  };
}

export function readEvidence(raw: unknown): BreachEvidence {
  const e = isObject(raw) ? raw : {};
  return {
    figure: isObject(e.figure) ? (e.figure as BreachEvidence["figure"]) : null,
    runs: list<MinuteRun>(e.runs),
    failingSamples: list<CitedSample>(e.failingSamples),
    failingSamplesTotal: typeof e.failingSamplesTotal === "number" ? e.failingSamplesTotal : 0,
    exclusions: list<ExclusionView>(e.exclusions),
  };
}

export type FigureKind = "minutes" | "latency" | "rate";

export function kindOf(figure: MinutesFigure | LatencyFigure | RateFigure): FigureKind {
  if ("failureSeconds" in figure) return "minutes";
  if ("meanMs" in figure) return "latency";
  return "rate";
}

/** Failure minutes on each day of the month (1 … last day) in `timeZone`, from the interruption runs. */
export function minutesPerDay(runs: readonly MinuteRun[], month: string, timeZone: string): { day: number; minutes: number }[] {
  const { start, end } = monthBounds(month, timeZone);
  const dayOf = new Intl.DateTimeFormat("en-US", { timeZone, day: "numeric" });
  const lastDay = Number(dayOf.format(new Date(end - 1)));
  const days = Array.from({ length: lastDay }, (_, i) => ({ day: i + 1, minutes: 0 }));
  for (const run of runs) {
    for (let m = Date.parse(run.from); m < Date.parse(run.to); m += MINUTE_MS) {
      if (m < start || m >= end) continue;
      days[Number(dayOf.format(new Date(m))) - 1]!.minutes++;
    }
  }
  return days;
}

/** The longest stretch the outage chart draws, so a day-long outage stays readable. */
export const OUTAGE_CHART_MAX_MINUTES = 240;

/**
 * Minute by minute around one run: `pad` minutes either side, each minute failed when any of the
 * breach's runs covers it (two runs close together show in one chart as they were).
 */
export function outageMinutes(run: MinuteRun, allRuns: readonly MinuteRun[], pad = 15): { at: number; failed: number; up: number }[] {
  const from = Date.parse(run.from) - pad * MINUTE_MS;
  const to = Math.min(Date.parse(run.to) + pad * MINUTE_MS, from + OUTAGE_CHART_MAX_MINUTES * MINUTE_MS);
  const spans = allRuns.map((r) => [Date.parse(r.from), Date.parse(r.to)] as const);
  const points = [];
  for (let at = from; at < to; at += MINUTE_MS) {
    const failed = spans.some(([a, b]) => at >= a && at < b) ? 1 : 0;
    points.push({ at, failed, up: 1 - failed });
  }
  return points;
}

/** A histogram bucket's bound as a person reads it: 1000 → "1 s", 60000 → "1 min", 3600000 → "1 h". */
export function boundText(ms: number): string {
  if (ms < 60_000) return `${ms / 1000} s`;
  if (ms < 3_600_000) return `${ms / 60_000} min`;
  return `${ms / 3_600_000} h`;
}

/** The latency histograms side by side, one point per bucket (the last holds what is over the last bound). */
export function latencyBuckets(send: readonly number[], receive: readonly number[]): { bound: number; over: boolean; send: number; receive: number }[] {
  return [...LATENCY_BUCKETS_MS, LATENCY_BUCKETS_MS.at(-1)!].map((bound, i) => ({
    bound,
    over: i === LATENCY_BUCKETS_MS.length,
    send: send[i] ?? 0,
    receive: receive[i] ?? 0,
  }));
}
