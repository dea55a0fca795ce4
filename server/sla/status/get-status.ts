import { clock } from "@/server/shared/clock";
import { currentRuns } from "./current-runs";
import { dailyUptime } from "./daily-uptime";
import { STATUS_SERVICES, type TStatus } from "./get-status.types";
import { openIncidents, upcomingMaintenance } from "./open-notices";
import { overallState, serviceState, totalUptime } from "./status-rules";

/**
 * How long one answer is reused. The page is public and may be hit hard (an outage is exactly
 * when everyone reloads it); probes run once a minute, so 30 s old is still current.
 */
export const STATUS_CACHE_MS = 30_000;

let cache: { at: number; value: Promise<TStatus> } | null = null;

/**
 * The public status page's data (issue 9, "a public /status page"): each service's current
 * state, its last 90 days of uptime, open platform incidents and scheduled maintenance.
 * Cached in-process; concurrent callers share one computation. The answer is shared: read only.
 */
export function getStatus(): Promise<TStatus> {
  const now = clock.now();
  const age = cache ? now.getTime() - cache.at : Number.POSITIVE_INFINITY;
  // A clock set back (tests, a corrected host clock) makes the cached answer one from the future.
  if (cache && age >= 0 && age < STATUS_CACHE_MS) return cache.value;
  const entry = { at: now.getTime(), value: computeStatus(now) };
  cache = entry;
  // A failed read (database away) is not kept: the next visitor tries again.
  entry.value.catch(() => {
    if (cache === entry) cache = null;
  });
  return entry.value;
}

async function computeStatus(now: Date): Promise<TStatus> {
  const [runs, days, incidents, maintenance] = await Promise.all([currentRuns(now), dailyUptime(now), openIncidents(now), upcomingMaintenance(now)]);
  const services = STATUS_SERVICES.map((service) => {
    const serviceRuns = runs.get(service) ?? [];
    const serviceDays = days.get(service) ?? [];
    const latest = serviceRuns.reduce<Date | null>((max, r) => (max && max >= r.at ? max : r.at), null);
    return { service, state: serviceState(serviceRuns), checkedAt: latest, uptimePpm: totalUptime(serviceDays).uptimePpm, days: serviceDays };
  });
  return { generatedAt: now, overall: overallState(services.map((s) => s.state)), services, incidents, maintenance };
}
