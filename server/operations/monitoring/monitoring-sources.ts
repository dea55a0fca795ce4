import { checkHealth, type Health } from "@/server/shared/health";
import { lastBackup, type LastBackup } from "./last-backup";
import { mailStateCounts, type MailStateCounts } from "./mail-state-counts";
import type { HourCounts } from "./mail-states";
import { messagesByHour } from "./messages-by-hour";
import { probeSummary, type ProbeSummary } from "./probe-summary";
import { queueDepths, type QueueDepth } from "./queue-depths";

// What the scrapes and the dashboard read, each source cached for a few seconds: Prometheus
// scrapes every 15–60 s from one or two servers, several operators may keep the dashboard open,
// and none of that should turn into a query per viewer. One failing source (Redis down) does not
// take the others with it: each is settled separately.

export const SOURCE_CACHE_MS = 5_000;

type Entry<T> = { at: number; value: Promise<T> };
const holder = globalThis as unknown as { __mailsteadMonitoringCache?: Map<string, Entry<unknown>> };
const cache = () => (holder.__mailsteadMonitoringCache ??= new Map());

function cachedFor<T>(key: string, load: () => Promise<T>): () => Promise<T> {
  return () => {
    const hit = cache().get(key) as Entry<T> | undefined;
    if (hit && performance.now() - hit.at < SOURCE_CACHE_MS) return hit.value;
    const value = load();
    cache().set(key, { at: performance.now(), value });
    // A failure is not kept: the next read tries again.
    value.catch(() => cache().delete(key));
    return value;
  };
}

export const sources = {
  health: cachedFor<Health>("health", () => checkHealth()),
  queues: cachedFor<QueueDepth[]>("queues", queueDepths),
  mail: cachedFor<MailStateCounts>("mail", mailStateCounts),
  probes: cachedFor<ProbeSummary>("probes", probeSummary),
  backup: cachedFor<LastBackup | null>("backup", lastBackup),
  hours: cachedFor<HourCounts[]>("hours", messagesByHour),
};

export type SourceName = keyof typeof sources;

/** Forgets every cached source (tests that change the data between reads). */
export function clearMonitoringCache(): void {
  cache().clear();
}

/** Reads the named sources in parallel; a failed one is `{ error }` instead of its value. */
export async function readSources<K extends SourceName>(names: K[]): Promise<{ [N in K]: Awaited<ReturnType<(typeof sources)[N]>> | { error: string } }> {
  const settled = await Promise.allSettled(names.map((n) => sources[n]()));
  return Object.fromEntries(
    names.map((n, i) => {
      const s = settled[i]!;
      return [n, s.status === "fulfilled" ? s.value : { error: s.reason instanceof Error ? s.reason.message : String(s.reason) }];
    }),
  ) as never;
}

export const failed = (v: unknown): v is { error: string } => typeof v === "object" && v !== null && !Array.isArray(v) && "error" in v && Object.keys(v).length === 1;
