import { PPM } from "@/server/sla/rules/constants";
import type { BarLevel, ServiceState } from "./get-status.types";

// The public status page's judgements, pure: what the latest probe runs say about a service
// right now, and how much of a day it was up. No I/O; get-status.ts feeds them.

/** One probe run as the current state reads it. */
export type RunSample = { target: string; location: string; ok: boolean; at: Date };

/** How many of a target's latest runs decide its state: two failures in a row are an outage. */
export const RUNS_CONSIDERED = 2;

/**
 * The state of a service from its runs of the last few minutes. Runs are grouped by what was
 * measured (target) and from where (location), and only each one's latest RUNS_CONSIDERED count:
 * - none at all → unknown: a probe that is not running proves nothing, so never "operational";
 * - every target's last two runs failed → outage;
 * - any of those runs failed → degraded: a single failure may be a blip (one timeout), or only
 *   one location or address of several is failing, so it is not yet a whole outage;
 * - otherwise operational.
 */
export function serviceState(runs: RunSample[]): ServiceState {
  if (runs.length === 0) return "unknown";
  const byTarget = new Map<string, RunSample[]>();
  for (const run of runs) {
    const key = JSON.stringify([run.target, run.location]);
    byTarget.set(key, [...(byTarget.get(key) ?? []), run]);
  }
  const latest = [...byTarget.values()].map((list) => [...list].sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, RUNS_CONSIDERED));
  const down = (list: RunSample[]) => list.length === RUNS_CONSIDERED && list.every((r) => !r.ok);
  if (latest.every(down)) return "outage";
  if (latest.some((list) => list.some((r) => !r.ok))) return "degraded";
  return "operational";
}

const STATE_RANK: Record<ServiceState, number> = { operational: 0, unknown: 1, degraded: 2, outage: 3 };

/**
 * The page's headline: the worst service's state. A service without data outranks the healthy
 * ones, so the headline never claims "all operational" for what nobody measured.
 */
export function overallState(states: ServiceState[]): ServiceState {
  return states.reduce<ServiceState>((worst, s) => (STATE_RANK[s] > STATE_RANK[worst] ? s : worst), states.length ? "operational" : "unknown");
}

/** One roll-up row's counts (ProbeRollup), with the length of its window in minutes. */
export type RollupCounts = { samples: number; failedMinutes: number; grainMinutes: number };

export type Uptime = { measuredMinutes: number; failedMinutes: number; uptimePpm: number | null };

/**
 * The share of measured minutes without a failure: 1 − failed minutes / minutes measured, over
 * every target and location of a service. A run a minute makes one sample a minute, but the
 * interval is configurable: a window never counts more minutes than it has (30-second runs would
 * otherwise count each minute twice and halve the visible outage). No minute measured → null,
 * "no data", never 100 %. Rounded down, so a day with any failure never reads as 100 %.
 */
export function uptime(rows: RollupCounts[]): Uptime {
  let measuredMinutes = 0;
  let failedMinutes = 0;
  for (const r of rows) {
    const measured = Math.max(0, Math.min(r.samples, r.grainMinutes));
    measuredMinutes += measured;
    // A failed minute had a sample, so it is within what was measured; clamped against bad rows.
    failedMinutes += Math.max(0, Math.min(r.failedMinutes, measured));
  }
  return uptimeOf(measuredMinutes, failedMinutes);
}

/** Uptime over several days' minutes (a service's 90 days): the days' minutes summed, not their percentages averaged. */
export function totalUptime(days: Uptime[]): Uptime {
  return uptimeOf(
    days.reduce((n, d) => n + d.measuredMinutes, 0),
    days.reduce((n, d) => n + d.failedMinutes, 0),
  );
}

function uptimeOf(measuredMinutes: number, failedMinutes: number): Uptime {
  if (measuredMinutes === 0) return { measuredMinutes, failedMinutes, uptimePpm: null };
  return { measuredMinutes, failedMinutes, uptimePpm: Math.floor(((measuredMinutes - failedMinutes) * PPM) / measuredMinutes) };
}

/** Where the bar colours change: the contract's 99.9 % availability promise, then 99 %. */
export const GOOD_UPTIME_PPM = 999_000;
export const MINOR_UPTIME_PPM = 990_000;

/** A day's bar colour: good (meets 99.9 %), minor (≥ 99 %), major (below), none (no data). */
export function barLevel(uptimePpm: number | null): BarLevel {
  if (uptimePpm === null) return "none";
  if (uptimePpm >= GOOD_UPTIME_PPM) return "good";
  return uptimePpm >= MINOR_UPTIME_PPM ? "minor" : "major";
}

/**
 * Uptime as the page writes it, "99.95" (no unit): truncated to two decimals, not rounded, so a
 * day with a failed minute never shows "100.00".
 */
export function uptimeText(uptimePpm: number): string {
  const hundredths = Math.floor(uptimePpm / 100);
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, "0")}`;
}
