import { db } from "@/server/shared/db";
import { MINUTE_MS } from "@/server/sla/rules/constants";
import { STATUS_SERVICES, type StatusService } from "./get-status.types";
import type { RunSample } from "./status-rules";

/** How far back the current state looks: a few runs at the default 60-second interval. */
export const CURRENT_WINDOW_MS = 5 * MINUTE_MS;

/**
 * Each service's platform-wide runs of the last five minutes up to `now`. Samples that concern
 * one tenant's mailboxes (tenantId set) are that tenant's business, not the public page's; runs
 * stamped after `now` (a probe host's clock ahead) wait until they are in the past.
 */
export async function currentRuns(now: Date): Promise<Map<StatusService, RunSample[]>> {
  const rows = await db.probeSample.findMany({
    where: { probe: { in: [...STATUS_SERVICES] }, tenantId: null, at: { gt: new Date(now.getTime() - CURRENT_WINDOW_MS), lte: now } },
    select: { probe: true, target: true, location: true, ok: true, at: true },
  });
  const runs = new Map<StatusService, RunSample[]>(STATUS_SERVICES.map((s) => [s, []]));
  for (const { probe, ...run } of rows) runs.get(probe as StatusService)?.push(run);
  return runs;
}
