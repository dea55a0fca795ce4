import { dayOf, isTimeZone, type Day } from "@/server/billing/rules/months";

/** The zone of a tenant whose stored zone is unusable: the schema's default (Tenant.timeZone). */
const FALLBACK_ZONE = "Asia/Shanghai";
const known = new Map<string, boolean>();

/**
 * The calendar day a send counts toward: the day of `instant` in the tenant's zone, as billing
 * counts its calendar days (seed 002's "per day" is the customer's day, not UTC's). A zone
 * Intl does not know falls back to the schema's default rather than failing every send.
 */
export function sendCountDay(instant: Date, timeZone: string): Day {
  let valid = known.get(timeZone);
  if (valid === undefined) {
    valid = isTimeZone(timeZone);
    if (known.size < 1000) known.set(timeZone, valid);
  }
  return dayOf(instant, valid ? timeZone : FALLBACK_ZONE);
}
