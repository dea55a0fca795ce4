import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { clock } from "@/server/shared/clock";
import { DomainError, say } from "@/server/shared/errors";
import { isText5To500 } from "../admin-fields";
import { withMaintenanceLock } from "./maintenance-lock";
import { cancelledTitle, windowTimeText } from "./maintenance-rules";
import { toMaintenanceView, WITH_ANNOUNCEMENT } from "./maintenance-view";
import { CANCEL_REASON_MESSAGE, type MaintenanceView, type TCancelMaintenanceRequest } from "./maintenance.types";

export const maintenanceNotFound = () => new DomainError("NOT_FOUND", say("Maintenance window not found", "维护窗口不存在"));

/**
 * Cancels a window that has not begun: its announcement says so in its title and is taken down
 * now, and the window no longer excludes anything. A window already under way is history (its
 * minutes happened under the announcement) and stays.
 */
export async function cancelMaintenance(actor: AuditActor, input: TCancelMaintenanceRequest): Promise<MaintenanceView> {
  const reason = input.reason.trim();
  if (!isText5To500(reason)) throw new DomainError("BAD_INPUT", CANCEL_REASON_MESSAGE, { reason: [CANCEL_REASON_MESSAGE] });
  return withMaintenanceLock(async (tx) => {
    const window = await tx.maintenanceWindow.findUnique({ where: { id: input.id }, include: WITH_ANNOUNCEMENT });
    if (!window) throw maintenanceNotFound();
    const when = windowTimeText(window);
    if (window.status === "cancelled") {
      throw new DomainError("CONFLICT", say(`The maintenance of ${when} was already cancelled`, `${when} 的维护已经取消`));
    }
    const now = clock.now();
    if (window.startsAt.getTime() <= now.getTime()) {
      throw new DomainError("CONFLICT", say(`The maintenance of ${when} has already started and can no longer be cancelled`, `${when} 的维护已经开始，无法取消`));
    }
    await tx.maintenanceWindow.update({ where: { id: window.id }, data: { status: "cancelled", cancelledAt: now } });
    if (window.announcement) {
      await tx.announcement.update({ where: { id: window.announcement.id }, data: { title: cancelledTitle(window.announcement.title), takeDownAt: now } });
    }
    await recordAudit(
      actor,
      { action: "sla.maintenance.cancel", tenantId: null, target: { type: "maintenance_window", id: window.id }, details: { window: when, reason, before: "scheduled", after: "cancelled" } },
      tx,
    );
    return toMaintenanceView(await tx.maintenanceWindow.findUniqueOrThrow({ where: { id: window.id }, include: WITH_ANNOUNCEMENT }));
  });
}
