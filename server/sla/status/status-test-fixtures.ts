// Roll-ups, incidents and maintenance windows for the status page's tests, written straight into
// their tables as the roll-up job and the operators' use cases would. Not imported by application code.
import type { IncidentCause, ProbeKind } from "@/server/generated/prisma/enums.ts";
import { db } from "@/server/shared/db";

export type RollupSpec = { probe: ProbeKind; grain: "hour" | "day"; start: string; samples: number; failedMinutes: number; location?: string; target?: string };

export async function insertRollups(specs: RollupSpec[]): Promise<void> {
  await db.probeRollup.createMany({
    data: specs.map((s) => ({
      probe: s.probe,
      target: s.target ?? "127.0.0.1",
      location: s.location ?? "bj-1",
      grain: s.grain,
      start: new Date(s.start),
      samples: s.samples,
      failures: s.failedMinutes,
      failedMinutes: s.failedMinutes,
      latencySumMs: BigInt(s.samples * 100),
      latencyMaxMs: 250,
    })),
  });
}

let serial = 0;

export async function insertIncident(s: { summary: string; cause?: IncidentCause; startsAt: string; endsAt?: string | null; tenantId?: string | null; reason?: string }) {
  return db.incident.create({
    data: {
      kind: "outage",
      cause: s.cause ?? "platform",
      summary: s.summary,
      reason: s.reason ?? null,
      startsAt: new Date(s.startsAt),
      endsAt: s.endsAt ? new Date(s.endsAt) : null,
      tenantId: s.tenantId ?? null,
      createdById: "operator-user-id",
    },
  });
}

export async function insertMaintenance(s: { description: string; startsAt: string; endsAt: string; cancelled?: boolean }) {
  return db.maintenanceWindow.create({
    data: {
      description: s.description,
      startsAt: new Date(s.startsAt),
      endsAt: new Date(s.endsAt),
      status: s.cancelled ? "cancelled" : "scheduled",
      announcedAt: new Date(new Date(s.startsAt).getTime() - 48 * 3_600_000),
      cancelledAt: s.cancelled ? new Date(s.startsAt) : null,
      idempotencyKey: `status-test-${++serial}`,
    },
  });
}
