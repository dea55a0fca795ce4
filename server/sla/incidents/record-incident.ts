import { Prisma, type Incident } from "@/server/generated/prisma/client.ts";
import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { clock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { DomainError, say } from "@/server/shared/errors";
import { refuseIfAny } from "../admin-fields";
import { assertTenantExists } from "./assert-tenant";
import { incidentProblems } from "./incident-rules";
import { auditedFields, toIncidentView } from "./incident-view";
import type { IncidentView, TRecordIncidentRequest } from "./incident.types";

export const INVALID_INCIDENT = say("The incident is not valid", "事件填写有误");

export type RecordIncidentResult = { incident: IncidentView; created: boolean };

type Fields = Parameters<typeof auditedFields>[0];

const fieldsOf = (input: TRecordIncidentRequest): Fields => ({
  kind: input.kind,
  cause: input.cause,
  reason: input.reason?.trim() || null,
  summary: input.summary.trim(),
  startsAt: input.startsAt,
  endsAt: input.endsAt ?? null,
  tenantId: input.tenantId ?? null,
});

/** The first request's row answers a retry only when the retry asked for the same incident. */
function answerRetry(row: Incident, fields: Fields): RecordIncidentResult {
  if (JSON.stringify(auditedFields(row)) !== JSON.stringify(auditedFields(fields))) {
    throw new DomainError("CONFLICT", say("This request id was already used for a different incident", "该请求编号已用于另一个事件"));
  }
  return { incident: toIncidentView(row), created: false };
}

/**
 * An operator records an incident: a power interruption (no probe sees one) or the cause of an
 * outage the probes saw. The Incident table has no key column, so the request id is the row's
 * id (as billing runs do): a retry, or two clicks at once, find the first row by primary key.
 */
export async function recordIncident(actor: AuditActor, input: TRecordIncidentRequest): Promise<RecordIncidentResult> {
  const fields = fieldsOf(input);
  const repeated = await db.incident.findUnique({ where: { id: input.idempotencyKey } });
  if (repeated) return answerRetry(repeated, fields);
  refuseIfAny(incidentProblems(fields, clock.now()), INVALID_INCIDENT);
  try {
    return await db.$transaction(async (tx) => {
      if (fields.tenantId) await assertTenantExists(fields.tenantId, tx);
      const row = await tx.incident.create({ data: { id: input.idempotencyKey, ...fields, createdById: actor.id } });
      await recordAudit(
        actor,
        { action: "sla.incident.record", tenantId: row.tenantId, target: { type: "incident", id: row.id }, details: { before: null, after: auditedFields(row) } },
        tx,
      );
      return { incident: toIncidentView(row), created: true };
    });
  } catch (e) {
    // The same request id at the same moment: the primary key let one in; answer as a retry would.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      return answerRetry(await db.incident.findUniqueOrThrow({ where: { id: input.idempotencyKey } }), fields);
    }
    throw e;
  }
}
