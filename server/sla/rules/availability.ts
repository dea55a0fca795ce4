import { assertCount, CONTRACT_MONTH_MINUTES, CONTRACT_MONTH_SECONDS, PPM } from "./constants";
import { decimal, durationText, formatPpm, percentText } from "./format";

export { formatPpm } from "./format";

/** A promise measured in failure time: availability, connectivity, power. */
export type MinutesFigure = {
  /** Failure time in minutes; fractional only for power, which incidents record to the second. */
  failureMinutes: number;
  failureSeconds: number;
  /** 1 − failure / (30 × 24 × 60), in ppm, rounded down; 0 at worst (a 31-day outage). */
  ratioPpm: number;
  targetPpm: number;
  allowanceSec: number;
  measuredMinutes: number;
  /** null: no evidence (no samples and no failure recorded), never reported as 100 %. */
  met: boolean | null;
  steps: string[];
};

export type JudgeMinutesInput = {
  failureSeconds: number;
  allowanceSec: number;
  targetPpm: number;
  measuredMinutes: number;
  /** The month's minutes (its calendar length): with it, the steps say how much of it was watched. */
  monthMinutes?: number;
};

/**
 * Below this share of the month's minutes measured, the steps warn: minutes nobody watched are
 * neither failures nor uptime, and a long silence of the probes (their host down with the
 * service) is for an operator to look at, with the incidents they record.
 */
export const COVERAGE_WARN_PPM = 990_000;

function coverageStep(measured: number, monthMinutes: number | undefined): string[] {
  if (!monthMinutes) return [`measured minutes: ${measured}`];
  const ppm = Math.floor((Math.min(measured, monthMinutes) * PPM) / monthMinutes);
  const line = `measured minutes: ${measured} of ${monthMinutes} (${formatPpm(ppm, 2)} %)`;
  return ppm < COVERAGE_WARN_PPM ? [line, `warning: ${monthMinutes - Math.min(measured, monthMinutes)} minutes were not measured; they count neither as failures nor as uptime`] : [line];
}

/**
 * Judges failure time against the contract. The contract's minutes govern, not its percentage:
 * "99.9 %, 即每月故障时间累计不超过44分钟", and 1 − 44/43200 is 99.898 %, so the allowance (2,640 s;
 * power 264 s, "4.4 minutes") decides and the ratio is shown for reading only.
 * A month without samples has no evidence (met null) unless a failure was recorded anyway: a power
 * cut can silence the probes, and the operator's record of it is evidence enough to breach.
 */
export function judgeMinutes(input: JudgeMinutesInput): MinutesFigure {
  const failureSeconds = assertCount(input.failureSeconds, "failureSeconds");
  const allowanceSec = assertCount(input.allowanceSec, "allowanceSec");
  const measuredMinutes = assertCount(input.measuredMinutes, "measuredMinutes");
  const targetPpm = assertCount(input.targetPpm, "targetPpm");
  const failureMinutes = failureSeconds / 60;
  const up = Math.max(0, CONTRACT_MONTH_SECONDS - failureSeconds);
  const ratioPpm = Math.floor((up * PPM) / CONTRACT_MONTH_SECONDS);
  const met = measuredMinutes === 0 && failureSeconds === 0 ? null : failureSeconds <= allowanceSec;
  const failure = durationText(failureSeconds);
  const allowed = durationText(allowanceSec);
  const steps = [
    ...coverageStep(measuredMinutes, input.monthMinutes),
    failureSeconds % 60 === 0 ? `failure minutes: ${failureMinutes}` : `failure time: ${failure}`,
    `1 − ${decimal(failureMinutes)} / ${CONTRACT_MONTH_MINUTES} = ${formatPpm(ratioPpm, 4)} %`,
    `allowed: ${allowed} (${percentText(targetPpm)})`,
    met === null
      ? "no evidence: no samples this month"
      : met
        ? `met: ${failure} ≤ ${allowed}`
        : `breached: ${failure} > ${allowed}`,
  ];
  return { failureMinutes, failureSeconds, ratioPpm, targetPpm, allowanceSec, measuredMinutes, met, steps };
}
