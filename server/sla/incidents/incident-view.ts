import type { Incident } from "@/server/generated/prisma/client.ts";
import type { IncidentView } from "./incident.types";

export const toIncidentView = (row: Incident): IncidentView => ({ ...row, countsAgainstSla: row.cause === "platform" });

/** The fields an audit entry keeps before and after a write, times in ISO UTC. */
export const auditedFields = (row: Pick<Incident, "kind" | "cause" | "reason" | "summary" | "startsAt" | "endsAt" | "tenantId">) => ({
  kind: row.kind,
  cause: row.cause,
  reason: row.reason,
  summary: row.summary,
  startsAt: row.startsAt.toISOString(),
  endsAt: row.endsAt?.toISOString() ?? null,
  tenantId: row.tenantId,
});
