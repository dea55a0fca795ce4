import { AVAILABILITY_PROBES, assertCount, CONNECTIVITY_PROBES, MINUTE_MS } from "./constants";
import type { ProbeKind } from "@/server/generated/prisma/enums.ts";
import { judgeMinutes, type MinutesFigure } from "./availability";
import { excludedIntervals, powerIntervals, type Exclusion, type IncidentInput, type MaintenanceInput } from "./exclusions";
import { measuredMinutes, platformFailureMinutes, tenantFailureMinutes, type Observation } from "./failure-minutes";
import { subtractMinutes, totalMs, touchedMinutes, unionMinutes, type Interval } from "./intervals";
import { judgeLatency, type LatencyDay, type LatencyFigure } from "./latency";
import { judgeRates, type LabelledResult, type RateFigure } from "./rates";

/** The SlaTarget row's figures (without planId and updatedAt). */
export type SlaTargets = {
  availabilityPpm: number;
  availabilityAllowanceSec: number;
  connectivityPpm: number;
  connectivityAllowanceSec: number;
  powerPpm: number;
  powerAllowanceSec: number;
  sendMeanMs: number;
  sendMaxMs: number;
  receiveMeanMs: number;
  receiveMaxMs: number;
  spamCaughtPpm: number;
  falsePositivePpm: number;
  virusFoundPpm: number;
  virusRemovedPpm: number;
};

/**
 * What the platform-wide samples say about a month, the same for every tenant whose month has
 * these bounds: the month close computes it once per time zone instead of once per tenant (10,000
 * tenants × 216,000 samples would be billions of steps).
 */
export type PlatformMonth = {
  availability: number[];
  connectivity: number[];
  measured: { availability: number; connectivity: number; watched: number };
};

export function platformMonth(observations: readonly Observation[], bounds: Interval): PlatformMonth {
  return {
    availability: platformFailureMinutes(observations, AVAILABILITY_PROBES),
    connectivity: platformFailureMinutes(observations, CONNECTIVITY_PROBES),
    measured: {
      availability: measuredMinutes(observations, AVAILABILITY_PROBES, bounds),
      connectivity: measuredMinutes(observations, CONNECTIVITY_PROBES, bounds),
      watched: measuredMinutes(observations, [...AVAILABILITY_PROBES, ...CONNECTIVITY_PROBES], bounds),
    },
  };
}

export type EvaluateMonthInput = {
  tenantId: string;
  bounds: Interval;
  /**
   * The month's samples: platform-wide ones and this tenant's (others' are ignored). With
   * `platform` given, only this tenant's are needed: the platform-wide part was computed once.
   */
  observations: readonly Observation[];
  platform?: PlatformMonth;
  activeMailboxes: number;
  maintenance: readonly MaintenanceInput[];
  incidents: readonly IncidentInput[];
  noticeHours: number;
  now: number;
  latency: { send: readonly LatencyDay[]; receive: readonly LatencyDay[] };
  labelled: readonly LabelledResult[];
  targets: SlaTargets;
};

export const PROMISES = [
  "availability",
  "connectivity",
  "power",
  "sendLatency",
  "receiveLatency",
  "spamCaught",
  "falsePositive",
  "virusFound",
  "virusRemoved",
] as const;
export type PromiseName = (typeof PROMISES)[number];
export type Figure = MinutesFigure | LatencyFigure | RateFigure;

/** The promises whose breach is compensated (seed 002 appendix B §8 a: clauses 1–3). */
export const CREDITED_PROMISES: readonly PromiseName[] = ["availability", "connectivity", "power"];

export type MonthEvaluation = {
  status: "met" | "breached" | "no_evidence";
  promises: Record<PromiseName, Figure>;
  breached: PromiseName[];
  /** The failure minutes behind each time promise, after exclusions (the evidence's chart). */
  failureMinutes: { availability: number[]; connectivity: number[]; power: number[] };
  /** The union of the three: one outage seen by several promises counts once. */
  interruptionMinutes: number[];
  /** interruptionMinutes when a credited promise was breached, else empty: what the credit doubles. */
  creditableMinutes: number[];
  exclusions: Exclusion[];
};

// A time promise's failure minutes: the platform-wide failures plus this tenant's 10 % minutes,
// inside the month, minus the excluded intervals.
function failuresOf(input: EvaluateMonthInput, platform: number[], tenantObs: readonly Observation[], probes: readonly ProbeKind[], excluded: Interval[]): number[] {
  const first = Math.ceil(input.bounds.start / MINUTE_MS);
  const last = Math.ceil(input.bounds.end / MINUTE_MS) - 1;
  const all = unionMinutes(platform, tenantFailureMinutes(tenantObs, input.activeMailboxes, probes));
  return subtractMinutes(all.filter((m) => m >= first && m <= last), excluded);
}

/**
 * One tenant's month against its targets. Power is measured in seconds from incidents; for the
 * union of interruption minutes a power interruption counts every minute it touches. Power has no
 * probe: its evidence is that the platform was watched at all (any availability or connectivity
 * sample), or a recorded interruption. Status: no_evidence only when no promise has evidence;
 * breached when any promise was missed.
 */
export function evaluateMonth(input: EvaluateMonthInput): MonthEvaluation {
  assertCount(input.activeMailboxes, "activeMailboxes");
  assertCount(input.noticeHours, "noticeHours");
  const { bounds, targets: t } = input;
  const exclusions = excludedIntervals(input);
  const excluded = exclusions.map((e) => e.interval);
  const tenantObs = input.observations.filter((o) => o.tenantId === input.tenantId);
  const ownObs = input.observations.filter((o) => o.tenantId === null || o.tenantId === input.tenantId);

  const platform = input.platform ?? platformMonth(ownObs, bounds);

  const availability = failuresOf(input, platform.availability, tenantObs, AVAILABILITY_PROBES, excluded);
  const connectivity = failuresOf(input, platform.connectivity, tenantObs, CONNECTIVITY_PROBES, excluded);
  const power = powerIntervals(input.incidents, bounds, input.tenantId, { now: input.now, excluded });
  const powerSeconds = Math.ceil(totalMs(power) / 1000);
  const monthMinutes = Math.round((bounds.end - bounds.start) / MINUTE_MS);

  const rates = judgeRates(input.labelled, t);
  const promises: Record<PromiseName, Figure> = {
    availability: judgeMinutes({
      failureSeconds: availability.length * 60,
      allowanceSec: t.availabilityAllowanceSec,
      targetPpm: t.availabilityPpm,
      measuredMinutes: platform.measured.availability,
      monthMinutes,
    }),
    connectivity: judgeMinutes({
      failureSeconds: connectivity.length * 60,
      allowanceSec: t.connectivityAllowanceSec,
      targetPpm: t.connectivityPpm,
      measuredMinutes: platform.measured.connectivity,
      monthMinutes,
    }),
    power: judgeMinutes({ failureSeconds: powerSeconds, allowanceSec: t.powerAllowanceSec, targetPpm: t.powerPpm, measuredMinutes: platform.measured.watched }),
    sendLatency: judgeLatency(input.latency.send, { meanMs: t.sendMeanMs, maxMs: t.sendMaxMs }),
    receiveLatency: judgeLatency(input.latency.receive, { meanMs: t.receiveMeanMs, maxMs: t.receiveMaxMs }),
    ...rates,
  };

  const breached = PROMISES.filter((p) => promises[p].met === false);
  const evidenced = PROMISES.some((p) => promises[p].met !== null);
  const powerMinutes = touchedMinutes(power, bounds);
  const interruptionMinutes = unionMinutes(availability, connectivity, powerMinutes);
  const credited = breached.some((p) => CREDITED_PROMISES.includes(p));
  return {
    status: !evidenced ? "no_evidence" : breached.length > 0 ? "breached" : "met",
    promises,
    breached,
    failureMinutes: { availability, connectivity, power: powerMinutes },
    interruptionMinutes,
    creditableMinutes: credited ? interruptionMinutes : [],
    exclusions,
  };
}
