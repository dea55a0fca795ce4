import { say, type Localized } from "@/server/shared/errors";
import { addError, type FieldErrors } from "../admin-fields";
import type { SlaTargets } from "../rules/evaluate-month";

// What an operator may set as a plan's promises. Ratios are ppm (0 to 100 %); allowances are the
// seconds a month may lose (up to 12 h: beyond that a promise of 99.x % means nothing); latency
// limits from 1 s (a message is never faster than the probe's resolution) to a day.

type Field = keyof SlaTargets;
type Bound = { min: number; max: number; unit: Localized };

const PPM: Bound = { min: 0, max: 1_000_000, unit: say("ppm", "ppm") };
const ALLOWANCE: Bound = { min: 0, max: 43_200, unit: say("seconds", "秒") };
const LATENCY: Bound = { min: 1_000, max: 86_400_000, unit: say("ms", "毫秒") };

export const TARGET_FIELDS: Record<Field, { label: Localized; bound: Bound }> = {
  availabilityPpm: { label: say("Availability", "可用性"), bound: PPM },
  availabilityAllowanceSec: { label: say("Availability allowance", "可用性允许中断时长"), bound: ALLOWANCE },
  connectivityPpm: { label: say("Network connectivity", "网络连通性"), bound: PPM },
  connectivityAllowanceSec: { label: say("Connectivity allowance", "网络连通性允许中断时长"), bound: ALLOWANCE },
  powerPpm: { label: say("Power continuity", "电力持续性"), bound: PPM },
  powerAllowanceSec: { label: say("Power allowance", "电力允许中断时长"), bound: ALLOWANCE },
  sendMeanMs: { label: say("Mean send latency", "平均发信延迟"), bound: LATENCY },
  sendMaxMs: { label: say("Maximum send latency", "最大发信延迟"), bound: LATENCY },
  receiveMeanMs: { label: say("Mean receive latency", "平均收信延迟"), bound: LATENCY },
  receiveMaxMs: { label: say("Maximum receive latency", "最大收信延迟"), bound: LATENCY },
  spamCaughtPpm: { label: say("Spam filtered", "垃圾邮件过滤率"), bound: PPM },
  falsePositivePpm: { label: say("False positives", "误判率"), bound: PPM },
  virusFoundPpm: { label: say("Viruses found", "病毒检出率"), bound: PPM },
  virusRemovedPpm: { label: say("Viruses removed", "病毒清除率"), bound: PPM },
};

const MEAN_NOT_ABOVE_MAX: [Field, Field][] = [
  ["sendMeanMs", "sendMaxMs"],
  ["receiveMeanMs", "receiveMaxMs"],
];

/** Every problem of a plan's complete targets, by field; empty when they may be stored. */
export function targetProblems(targets: SlaTargets): FieldErrors {
  const errors: FieldErrors = {};
  for (const [field, { label, bound }] of Object.entries(TARGET_FIELDS) as [Field, (typeof TARGET_FIELDS)[Field]][]) {
    const value = targets[field];
    if (!Number.isSafeInteger(value) || value < bound.min || value > bound.max) {
      addError(
        errors,
        field,
        say(
          `${label.en} must be a whole number from ${bound.min} to ${bound.max} ${bound.unit.en}`,
          `${label["zh-CN"]}须为 ${bound.min} 到 ${bound.max} ${bound.unit["zh-CN"]}之间的整数`,
        ),
      );
    }
  }
  for (const [mean, max] of MEAN_NOT_ABOVE_MAX) {
    if (errors[mean] || errors[max] || targets[mean] <= targets[max]) continue;
    const m = TARGET_FIELDS[mean].label;
    const x = TARGET_FIELDS[max].label;
    addError(errors, mean, say(`${m.en} cannot exceed the ${x.en.toLowerCase()} (${targets[max]} ms)`, `${m["zh-CN"]}不能超过${x["zh-CN"]}（${targets[max]} 毫秒）`));
  }
  return errors;
}
