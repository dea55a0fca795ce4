import type { SlaTargets } from "@/server/sla/rules/evaluate-month";
import { TARGET_FIELDS } from "@/server/sla/targets/target-bounds";

// A plan's SLA promises as operators type them: ratios in percent (ppm / 10,000, so up to four
// decimals: 0.01 % of false positives is 100 ppm), allowances in seconds (typed in minutes or
// seconds), latency limits in seconds (ms / 1,000). The server's bounds, in those units.

export type TargetField = keyof SlaTargets;
export type TargetKind = "percent" | "allowance" | "latency";
export type TargetFormValues = Record<TargetField, number | null>;

/** How many server units one form unit is (the allowance input does its own minutes). */
const SCALE: Record<TargetKind, number> = { percent: 10_000, allowance: 1, latency: 1_000 };

export const kindOf = (field: TargetField): TargetKind => (field.endsWith("Ppm") ? "percent" : field.endsWith("Sec") ? "allowance" : "latency");

export const TARGET_ORDER = Object.keys(TARGET_FIELDS) as TargetField[];

/** The server's bounds for a field, in the form's units. */
export function formBounds(field: TargetField): { min: number; max: number } {
  const { min, max } = TARGET_FIELDS[field].bound;
  const scale = SCALE[kindOf(field)];
  return { min: min / scale, max: max / scale };
}

export function toTargetForm(targets: SlaTargets): TargetFormValues {
  return Object.fromEntries(TARGET_ORDER.map((f) => [f, targets[f] / SCALE[kindOf(f)]])) as TargetFormValues;
}

/** Back to the server's whole units (rounding away the float error of 99.99 × 10,000). */
export function toTargets(values: TargetFormValues): SlaTargets {
  return Object.fromEntries(TARGET_ORDER.map((f) => [f, Math.round((values[f] ?? Number.NaN) * SCALE[kindOf(f)])])) as SlaTargets;
}
