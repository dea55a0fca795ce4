import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { clock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { DomainError, say } from "@/server/shared/errors";
import { refuseIfAny } from "@/server/sla/admin-fields";
import { announcementState, draftProblems } from "./announcement-rules";
import { MANAGED_INCLUDE, toManagedView } from "./announcement-view";
import type { ManagedAnnouncement, TUpdateAnnouncementRequest } from "./announcement.types";
import { checkAudience } from "./check-audience";
import { INVALID, requestedPublishAt } from "./create-announcement";
import { loadOwnAnnouncement, refuseMaintenance } from "./load-own-announcement";
import { auditTenantOf, type Publisher } from "./publisher";

const ENDED = say("This announcement has been taken down and can no longer be edited", "该公告已下线，不能再修改");
const LIVE_FIELDS = say(
  "This announcement is already showing: only its title, text and take-down time can change. Take it down and write a new one to change the rest",
  "该公告已在展示中：只能修改标题、内容和下线时间。如需修改其他内容，请先下线再重新发布",
);

const sameSet = (a: string[], b: string[]) => a.length === b.length && new Set([...a, ...b]).size === a.length;

/**
 * Edits an announcement of the publisher's. A draft or a scheduled one changes wholly (a new
 * publish time, audience and targets); a current one only in title, text and take-down time
 * (readers already saw who it was for and since when); an ended one not at all.
 */
export async function updateAnnouncement(actor: AuditActor, publisher: Publisher, input: TUpdateAnnouncementRequest): Promise<ManagedAnnouncement> {
  return db.$transaction(async (tx) => {
    const row = await loadOwnAnnouncement(tx, publisher, input.id);
    refuseMaintenance(row);
    const now = clock.now();
    const state = announcementState(row, now);
    if (state === "ended") throw new DomainError("CONFLICT", ENDED);
    const live = state === "current";
    const publishAt = live ? row.publishAt : requestedPublishAt(input, now);
    const { errors, clean } = draftProblems({ title: input.title, body: input.body, publishAt, takeDownAt: input.takeDownAt ?? null }, now, !live);
    refuseIfAny(errors, INVALID);
    // An audience sent back unchanged is not checked again: a chosen client that has since moved
    // to another reseller (and no longer reads it) must not block editing the title.
    const stored = { audience: row.audience, audienceResellerId: row.audienceResellerId, targetIds: row.targets.map((t) => t.targetId) };
    const resent = input.audience === stored.audience && (input.audienceResellerId ?? null) === stored.audienceResellerId && sameSet(input.targetIds, stored.targetIds);
    const audience = resent ? stored : await checkAudience(tx, publisher, input);
    if (live) {
      // The form sends the stored publish time back unchanged; anything else would move it.
      const unchanged =
        !input.publishNow &&
        input.publishAt?.getTime() === row.publishAt!.getTime() &&
        input.level === row.level &&
        audience.audience === row.audience &&
        audience.audienceResellerId === row.audienceResellerId &&
        sameSet(audience.targetIds, row.targets.map((t) => t.targetId));
      if (!unchanged) throw new DomainError("CONFLICT", LIVE_FIELDS);
    }
    await tx.announcementTarget.deleteMany({ where: { announcementId: row.id } });
    const updated = await tx.announcement.update({
      where: { id: row.id },
      data: {
        ...clean,
        level: input.level,
        audience: audience.audience,
        audienceResellerId: audience.audienceResellerId,
        targets: { create: audience.targetIds.map((targetId) => ({ targetId })) },
      },
      include: MANAGED_INCLUDE,
    });
    await recordAudit(
      actor,
      {
        action: "announcement.update",
        tenantId: auditTenantOf(publisher),
        target: { type: "announcement", id: row.id },
        details: {
          before: { title: row.title, level: row.level, audience: row.audience, publishAt: row.publishAt?.toISOString() ?? null, takeDownAt: row.takeDownAt?.toISOString() ?? null },
          after: { title: clean.title, level: input.level, audience: audience.audience, publishAt: clean.publishAt?.toISOString() ?? null, takeDownAt: clean.takeDownAt?.toISOString() ?? null },
        },
      },
      tx,
    );
    return toManagedView(updated, now);
  });
}
