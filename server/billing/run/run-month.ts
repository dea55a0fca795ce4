import { DomainError } from "@/server/shared/errors";
import { addMonths, isMonth, monthOf, type Month } from "../rules/months";

// Which months a billing run may be started for. Past months are allowed (catching up after an
// outage charges what was missed, and a re-run charges nothing twice); the future is allowed one
// month ahead only, so an operator can start December's run on the evening of 30 November when
// December has begun in Shanghai but not yet in the operator's own zone.

/** How far ahead of the current month (in the default zone) a run may be started. */
export const MAX_MONTHS_AHEAD = 1;

/** Returns the month when a run may be started for it; throws BAD_INPUT saying why not otherwise. */
export function validateRunMonth(month: unknown, now: Date, defaultTimeZone: string): Month {
  const fail = (message: string): never => {
    throw new DomainError("BAD_INPUT", message, { month: [message] });
  };
  if (typeof month !== "string" || month.trim() === "") return fail("Give the month to bill as YYYY-MM, e.g. 2026-12");
  const value = month.trim();
  if (!/^\d{4}-\d{2}$/.test(value)) return fail(`"${value}" is not a month: write it as YYYY-MM, e.g. 2026-12`);
  const m = Number(value.slice(5, 7));
  if (m < 1 || m > 12) return fail(`"${value}" has no month ${m}: months run from 01 to 12`);
  if (!isMonth(value)) return fail(`"${value}" is out of range: billing months run from 2000-01 to 2200-12`);
  const latest = addMonths(monthOf(now, defaultTimeZone), MAX_MONTHS_AHEAD);
  if (value > latest) {
    return fail(`${value} is too far ahead: a run can be started at most one month ahead (${latest} at the latest)`);
  }
  return value;
}
