import type { IncidentKind, ProbeKind } from "@/server/generated/prisma/enums.ts";

// What the public status page (/status) receives. Platform-wide facts only: no tenant, person
// or internal reason appears here, since anyone on the internet may read it.

/** The services shown, in page order, by the probe that measures each. */
export const STATUS_SERVICES = ["smtp_mx", "submission", "pop3", "http", "network", "e2e"] as const satisfies readonly ProbeKind[];
export type StatusService = (typeof STATUS_SERVICES)[number];

export type ServiceState = "operational" | "degraded" | "outage" | "unknown";
export type BarLevel = "good" | "minor" | "major" | "none";

/** One UTC day of a service: uptimePpm null means no data (nothing measured that day). */
export type StatusDay = {
  day: string;
  uptimePpm: number | null;
  measuredMinutes: number;
  failedMinutes: number;
  level: BarLevel;
  /** Today: the hours rolled up so far. */
  partial: boolean;
};

export type StatusServiceRow = {
  service: StatusService;
  state: ServiceState;
  /** The latest run counted for the current state; null when there was none. */
  checkedAt: Date | null;
  /** Over the days shown; null when none of them has data. */
  uptimePpm: number | null;
  days: StatusDay[];
};

export type StatusIncident = { kind: IncidentKind; summary: string; since: Date };
export type StatusMaintenance = { startsAt: Date; endsAt: Date; description: string; inProgress: boolean };

export type TStatus = {
  generatedAt: Date;
  overall: ServiceState;
  services: StatusServiceRow[];
  incidents: StatusIncident[];
  maintenance: StatusMaintenance[];
};
