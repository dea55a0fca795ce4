import { say } from "@/server/shared/errors";
import { addError, isText5To500, type FieldErrors } from "../admin-fields";

// Pure rules for the incidents operators record. Only a platform cause counts against the SLA; any
// other cause excludes the incident's minutes (rules/exclusions.ts), so it must say why, and a
// customer's doing must name that customer: recorded platform-wide it would excuse the platform
// towards every tenant.

export const INCIDENT_KINDS = ["outage", "network", "power"] as const;
export const INCIDENT_CAUSES = ["platform", "force_majeure", "third_party", "customer"] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];
export type IncidentCause = (typeof INCIDENT_CAUSES)[number];

export const SUMMARY_MESSAGE = say("Summarise the incident in 5 to 500 characters", "请用 5 到 500 个字符概述事件");
export const REASON_MESSAGE = say(
  "A cause other than the platform excludes these minutes from the SLA: give the reason in 5 to 500 characters",
  "非平台原因的事件不计入 SLA：请用 5 到 500 个字符说明原因",
);

export type IncidentFields = {
  cause: IncidentCause;
  reason: string | null;
  summary: string;
  startsAt: Date;
  endsAt: Date | null;
  tenantId: string | null;
};

/** Every problem of an incident as it would be stored at `now`, by field; empty when it may be. */
export function incidentProblems(incident: IncidentFields, now: Date): FieldErrors {
  const errors: FieldErrors = {};
  if (!isText5To500(incident.summary)) addError(errors, "summary", SUMMARY_MESSAGE);
  const reasonGiven = (incident.reason?.trim().length ?? 0) > 0;
  if ((incident.cause !== "platform" || reasonGiven) && !isText5To500(incident.reason)) addError(errors, "reason", REASON_MESSAGE);
  if (incident.cause === "customer" && !incident.tenantId) {
    addError(
      errors,
      "tenantId",
      say(
        "A customer-caused incident must name the customer: one customer's doing cannot excuse the platform for every tenant",
        "客户原因的事件须指明企业：一个客户造成的问题不能为平台对所有企业免责",
      ),
    );
  }
  if (incident.startsAt.getTime() > now.getTime()) {
    addError(errors, "startsAt", say("An incident is recorded once it has begun: the start cannot be in the future", "事件须在发生后记录：开始时间不能在将来"));
  }
  if (incident.endsAt) {
    if (incident.endsAt.getTime() <= incident.startsAt.getTime()) addError(errors, "endsAt", say("The incident must end after it starts", "事件结束时间须晚于开始时间"));
    else if (incident.endsAt.getTime() > now.getTime()) {
      addError(errors, "endsAt", say("The end cannot be in the future: leave it empty while the incident lasts", "结束时间不能在将来：事件仍在持续时请留空"));
    }
  }
  return errors;
}
