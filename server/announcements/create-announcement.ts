import { createHash } from "node:crypto";
import { Prisma } from "@/server/generated/prisma/client.ts";
import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { clock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { DomainError, say } from "@/server/shared/errors";
import { refuseIfAny } from "@/server/sla/admin-fields";
import { draftProblems } from "./announcement-rules";
import { MANAGED_INCLUDE, toManagedView } from "./announcement-view";
import type { ManagedAnnouncement, TAnnouncementInput, TCreateAnnouncementRequest } from "./announcement.types";
import { checkAudience } from "./check-audience";
import { auditTenantOf, publisherColumns, publisherKey, publisherWhere, type Publisher } from "./publisher";

export const INVALID = say("The announcement is not valid", "公告填写有误");

/**
 * The row's id is derived from the publisher and the request id: the table has no idempotency
 * column, and the primary key makes a retry (even a concurrent one) find the first row instead
 * of writing a second.
 */
export const idFor = (publisher: Publisher, key: string) => `a${createHash("sha256").update(`${publisherKey(publisher)}\n${key}`).digest("hex").slice(0, 24)}`;

/** The publish time the form asked for: now, a chosen instant, or none (a draft). */
export const requestedPublishAt = (input: Pick<TAnnouncementInput, "publishNow" | "publishAt">, now: Date): Date | null => (input.publishNow ? now : (input.publishAt ?? null));

/**
 * A publisher writes an announcement: a draft, published now, or scheduled (publish and optional
 * take-down time). The body is sanitised, the audience checked against what the publisher may
 * address, and the row, its targets and the audit entry commit together. A retry with the same
 * request id returns the first announcement.
 */
export async function createAnnouncement(actor: AuditActor, publisher: Publisher, input: TCreateAnnouncementRequest): Promise<ManagedAnnouncement> {
  const id = idFor(publisher, input.idempotencyKey);
  const repeated = await findRepeat(id, publisher, input);
  if (repeated) return repeated;
  const now = clock.now();
  const { errors, clean } = draftProblems({ title: input.title, body: input.body, publishAt: requestedPublishAt(input, now), takeDownAt: input.takeDownAt ?? null }, now);
  refuseIfAny(errors, INVALID);
  try {
    return await db.$transaction(async (tx) => {
      const audience = await checkAudience(tx, publisher, input);
      const row = await tx.announcement.create({
        data: {
          id,
          ...publisherColumns(publisher),
          ...clean,
          level: input.level,
          audience: audience.audience,
          audienceResellerId: audience.audienceResellerId,
          createdById: actor.id,
          targets: { create: audience.targetIds.map((targetId) => ({ targetId })) },
        },
        include: MANAGED_INCLUDE,
      });
      await recordAudit(
        actor,
        {
          action: "announcement.create",
          tenantId: auditTenantOf(publisher),
          target: { type: "announcement", id },
          details: { scope: publisher.scope, title: clean.title, level: input.level, ...audience, publishAt: clean.publishAt?.toISOString() ?? null, takeDownAt: clean.takeDownAt?.toISOString() ?? null },
        },
        tx,
      );
      return toManagedView(row, now);
    });
  } catch (e) {
    // A concurrent retry committed first: answer with its row.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      const first = await findRepeat(id, publisher, input);
      if (first) return first;
    }
    throw e;
  }
}

async function findRepeat(id: string, publisher: Publisher, input: TCreateAnnouncementRequest): Promise<ManagedAnnouncement | null> {
  const row = await db.announcement.findFirst({ where: { id, ...publisherWhere(publisher) }, include: MANAGED_INCLUDE });
  if (!row) return null;
  if (row.title !== input.title.trim()) throw new DomainError("CONFLICT", say("This request id was already used for a different announcement", "该请求编号已用于另一条公告"));
  return toManagedView(row, clock.now());
}
