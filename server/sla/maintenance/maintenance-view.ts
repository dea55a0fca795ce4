import type { Announcement, MaintenanceWindow } from "@/server/generated/prisma/client.ts";
import { env } from "@/server/shared/env";
import { announcedInTime } from "./maintenance-rules";
import type { AnnouncementView, MaintenanceView } from "./maintenance.types";

export const WITH_ANNOUNCEMENT = { announcement: true } as const;

function toAnnouncementView(a: Announcement): AnnouncementView {
  return { id: a.id, title: a.title, body: a.body, level: a.level, audience: a.audience, publishAt: a.publishAt, takeDownAt: a.takeDownAt };
}

/** A window as operators see it, with whether its minutes are excluded under today's notice rule. */
export function toMaintenanceView(row: MaintenanceWindow & { announcement: Announcement | null }): MaintenanceView {
  const noticeHours = env().SLA_MAINTENANCE_NOTICE_HOURS;
  const { idempotencyKey: _key, announcement, ...window } = row;
  return {
    ...window,
    excludedFromSla: row.status === "scheduled" && announcedInTime(row, noticeHours),
    noticeHours,
    announcement: announcement ? toAnnouncementView(announcement) : null,
  };
}
