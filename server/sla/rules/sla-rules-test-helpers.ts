import type { ProbeKind } from "@/server/generated/prisma/enums.ts";
import { MINUTE_MS } from "./constants";
import type { Observation } from "./failure-minutes";
import { monthBounds } from "./intervals";

// Shared by the rules' unit tests: a month (March 2027 in Shanghai, 31 days) and samples in it.
export const MONTH = monthBounds("2027-03", "Asia/Shanghai");
export const FIRST_MINUTE = MONTH.start / MINUTE_MS;

/** The instant `minutes` (and `seconds`) after the month began. */
export const at = (minutes: number, seconds = 0): number => MONTH.start + minutes * MINUTE_MS + seconds * 1000;
/** The epoch minute `minutes` after the month began. */
export const minute = (minutes: number): number => FIRST_MINUTE + minutes;
/** The epoch minutes [from, from + count) after the month began. */
export const minutesFrom = (from: number, count: number): number[] => Array.from({ length: count }, (_, i) => minute(from + i));

export const sample = (overrides: Partial<Observation> & { at: number }): Observation => ({
  probe: "smtp_mx",
  location: "sh-1",
  ok: true,
  tenantId: null,
  affected: null,
  ...overrides,
});

/** One sample a minute for `count` minutes from `from`, of `probe`, failing or not. */
export function samplesFor(from: number, count: number, ok: boolean, probe: ProbeKind = "smtp_mx", extra: Partial<Observation> = {}): Observation[] {
  return Array.from({ length: count }, (_, i) => sample({ at: at(from + i, 5), ok, probe, ...extra }));
}
