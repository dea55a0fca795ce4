import { z } from "zod";
import { ZIdempotencyKey } from "@/server/billing/orders/create-order.types";
import { textOf5To500, ZInstant } from "../admin-fields";
import { INCIDENT_CAUSES, INCIDENT_KINDS, SUMMARY_MESSAGE } from "./incident-rules";

// Shapes only: whether a reason or a tenant is required and the order of the times are the use
// cases' (incidentProblems), since they depend on the cause and on the incident as stored.

const ZCause = z.enum(INCIDENT_CAUSES, { message: `The cause is one of ${INCIDENT_CAUSES.join(", ")}` });
/** Checked with the cause in the use case; an empty field means "no reason". */
const ZReason = z.string({ message: "The reason must be text" }).trim().max(500, "The reason must be at most 500 characters");
const ZTenantRef = z.string({ message: "Choose a tenant" }).trim().min(1, "Choose a tenant").max(191, "Not a tenant id");

export const ZRecordIncidentRequest = z.object({
  kind: z.enum(INCIDENT_KINDS, { message: `The kind is one of ${INCIDENT_KINDS.join(", ")}` }),
  cause: ZCause,
  summary: textOf5To500(SUMMARY_MESSAGE.en),
  reason: ZReason.optional(),
  startsAt: ZInstant,
  /** Absent or null: the incident is still open. */
  endsAt: ZInstant.nullish(),
  /** Set: the incident concerns that tenant only; absent: the whole platform. */
  tenantId: ZTenantRef.optional(),
  idempotencyKey: ZIdempotencyKey,
});
export type TRecordIncidentRequest = z.infer<typeof ZRecordIncidentRequest>;

export const ZIncidentId = z.string({ message: "Choose an incident" }).trim().min(1, "Choose an incident").max(191, "Not an incident id");

export const ZUpdateIncidentRequest = z.object({
  id: ZIncidentId,
  /** A time closes the incident (or corrects its end); null reopens it. */
  endsAt: ZInstant.nullish(),
  cause: ZCause.optional(),
  reason: ZReason.optional(),
  summary: textOf5To500(SUMMARY_MESSAGE.en).optional(),
});
export type TUpdateIncidentRequest = z.infer<typeof ZUpdateIncidentRequest>;

export const ZListIncidentsRequest = z.object({
  /** true: still open only; false: closed only; absent: both. */
  open: z.boolean({ message: "open is true or false" }).optional(),
  from: ZInstant.optional(),
  to: ZInstant.optional(),
  tenantId: ZTenantRef.optional(),
});
export type TListIncidentsRequest = z.infer<typeof ZListIncidentsRequest>;

export type IncidentView = {
  id: string;
  kind: (typeof INCIDENT_KINDS)[number];
  cause: (typeof INCIDENT_CAUSES)[number];
  reason: string | null;
  summary: string;
  startsAt: Date;
  endsAt: Date | null;
  tenantId: string | null;
  createdById: string | null;
  createdAt: Date;
  updatedAt: Date;
  /** Whether its minutes count against the SLA (a platform cause) or are excluded. */
  countsAgainstSla: boolean;
};
