import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { clock } from "@/server/shared/clock";
import { env } from "@/server/shared/env";
import { DomainError, say } from "@/server/shared/errors";
import { refuseIfAny } from "../admin-fields";
import { withMaintenanceLock } from "./maintenance-lock";
import { lateNotice, maintenanceProblems, maintenanceTitle, windowTimeText } from "./maintenance-rules";
import { toMaintenanceView, WITH_ANNOUNCEMENT } from "./maintenance-view";
import type { ScheduleMaintenanceResult, TScheduleMaintenanceRequest } from "./maintenance.types";

const INVALID = say("The maintenance window is not valid", "维护时间窗口填写有误");

/**
 * An operator schedules maintenance: the window and its platform announcement (shown from now,
 * taken down when the window ends) in one transaction, audited. Announced later than the notice
 * rule it is still scheduled, but flagged: its minutes will count against the SLA. A retry with
 * the same request id returns the first window.
 */
export async function scheduleMaintenance(actor: AuditActor, input: TScheduleMaintenanceRequest): Promise<ScheduleMaintenanceResult> {
  const description = input.description.trim();
  return withMaintenanceLock(async (tx) => {
    // Before the time checks: a retry arriving after the start still gets its window back.
    const repeated = await tx.maintenanceWindow.findUnique({ where: { idempotencyKey: input.idempotencyKey }, include: WITH_ANNOUNCEMENT });
    if (repeated) {
      const same = repeated.startsAt.getTime() === input.startsAt.getTime() && repeated.endsAt.getTime() === input.endsAt.getTime() && repeated.description === description;
      if (!same) throw new DomainError("CONFLICT", say("This request id was already used for a different maintenance window", "该请求编号已用于另一个维护窗口"));
      return { window: toMaintenanceView(repeated), created: false, warning: null };
    }
    const now = clock.now();
    refuseIfAny(maintenanceProblems({ ...input, description }, now), INVALID);
    const overlapping = await tx.maintenanceWindow.findFirst({
      where: { status: "scheduled", startsAt: { lt: input.endsAt }, endsAt: { gt: input.startsAt } },
      orderBy: { startsAt: "asc" },
    });
    if (overlapping) {
      const at = windowTimeText(overlapping);
      throw new DomainError("CONFLICT", say(`This window overlaps the maintenance already scheduled for ${at}`, `与已安排的维护时间 ${at} 重叠`), {
        startsAt: [say(`Overlaps the maintenance of ${at}`, `与 ${at} 的维护重叠`)],
      });
    }
    const window = await tx.maintenanceWindow.create({
      data: {
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        description,
        announcedAt: now,
        createdById: actor.id,
        idempotencyKey: input.idempotencyKey,
        announcement: {
          create: { title: maintenanceTitle(input), body: description, level: "maintenance", audience: "all", publishAt: now, takeDownAt: input.endsAt, createdById: actor.id },
        },
      },
      include: WITH_ANNOUNCEMENT,
    });
    const view = toMaintenanceView(window);
    await recordAudit(
      actor,
      {
        action: "sla.maintenance.schedule",
        tenantId: null,
        target: { type: "maintenance_window", id: window.id },
        details: { startsAt: window.startsAt.toISOString(), endsAt: window.endsAt.toISOString(), description, excludedFromSla: view.excludedFromSla, noticeHours: view.noticeHours },
      },
      tx,
    );
    return { window: view, created: true, warning: lateNotice(window, env().SLA_MAINTENANCE_NOTICE_HOURS) };
  });
}
