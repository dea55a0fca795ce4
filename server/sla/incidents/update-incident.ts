import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { clock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { DomainError, say } from "@/server/shared/errors";
import { refuseIfAny } from "../admin-fields";
import { incidentProblems } from "./incident-rules";
import { auditedFields, toIncidentView } from "./incident-view";
import type { IncidentView, TUpdateIncidentRequest } from "./incident.types";
import { INVALID_INCIDENT } from "./record-incident";

export const incidentNotFound = () => new DomainError("NOT_FOUND", say("Incident not found", "事件不存在"));

/**
 * An operator closes an incident, corrects its end, reclassifies its cause or rewords it. The
 * incident as it would be stored is checked whole (a non-platform cause needs a reason, a
 * customer cause a tenant, the end after the start and not in the future), under a row lock so
 * two edits at once each see the other's result. Writing what is already stored is not audited.
 */
export async function updateIncident(actor: AuditActor, input: TUpdateIncidentRequest): Promise<IncidentView> {
  return db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM Incident WHERE id = ${input.id} FOR UPDATE`;
    if (!locked) throw incidentNotFound();
    const before = await tx.incident.findUniqueOrThrow({ where: { id: input.id } });
    const next = {
      cause: input.cause ?? before.cause,
      reason: input.reason === undefined ? before.reason : input.reason.trim() || null,
      summary: input.summary?.trim() ?? before.summary,
      endsAt: input.endsAt === undefined ? before.endsAt : input.endsAt,
    };
    refuseIfAny(incidentProblems({ ...before, ...next }, clock.now()), INVALID_INCIDENT);
    const from = auditedFields(before);
    const to = auditedFields({ ...before, ...next });
    if (JSON.stringify(from) === JSON.stringify(to)) return toIncidentView(before);
    const after = await tx.incident.update({ where: { id: before.id }, data: next });
    await recordAudit(actor, { action: "sla.incident.update", tenantId: after.tenantId, target: { type: "incident", id: after.id }, details: { before: from, after: to } }, tx);
    return toIncidentView(after);
  });
}
