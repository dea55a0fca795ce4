import type { LastBackup } from "./last-backup";
import type { MailStateCounts } from "./mail-state-counts";
import type { HourCounts } from "./mail-states";
import type { QueueDepth } from "./queue-depths";
import type { SourceName } from "./monitoring-sources";

export type DependencyRow = { group: "checks" | "filters" | "services"; name: string; ok: boolean; latencyMs: number; error: string | null };
/** A share over the last 24 h: `ok` of `samples`; pct null without samples. */
export type Share = { ok: number; samples: number; pct: number | null };

export type MonitoringSnapshot = {
  generatedAt: Date;
  health: { status: "ok" | "degraded"; services: "ok" | "degraded"; version: string; dependencies: DependencyRow[] } | null;
  queues: QueueDepth[] | null;
  mail: MailStateCounts | null;
  hours: HourCounts[] | null;
  probes: {
    uptime: ({ probe: string } & Share)[];
    deliveryLatencyMs: { p50: number | null; p95: number | null; samples: number };
    spamCaught: Share;
    hamFalsePositive: Share;
    virusFound: Share;
    latestFailures: { probe: string; target: string; at: Date }[];
  } | null;
  /** null: no backup table yet (or not readable). */
  backup: LastBackup | null;
  /** The sources that could not be read, with why; their sections are null. */
  errors: Partial<Record<SourceName, string>>;
};
