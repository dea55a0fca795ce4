import { say, type Localized } from "@/server/shared/errors";
import { addError, isText5To500, shanghaiTime, type FieldErrors } from "../admin-fields";
import { DAY_MS, HOUR_MS } from "../rules/constants";
import { excludedIntervals } from "../rules/exclusions";

// Pure rules for maintenance windows: what an operator may schedule, whether it is announced
// early enough for its minutes to be excluded, and the announcement's title.

/** Longer than a day is not maintenance but an outage (and would swallow a month's promise). */
export const MAX_MAINTENANCE_MS = DAY_MS;

export const DESCRIPTION_MESSAGE = say(
  "Describe the maintenance in 5 to 500 characters: customers read it in the announcement",
  "请用 5 到 500 个字符描述维护内容：客户会在公告中看到",
);

export type WindowTimes = { startsAt: Date; endsAt: Date };

/** Every problem of a window to be scheduled at `now`, by field; empty when it may be scheduled. */
export function maintenanceProblems(input: WindowTimes & { description: string }, now: Date): FieldErrors {
  const errors: FieldErrors = {};
  const start = input.startsAt.getTime();
  const end = input.endsAt.getTime();
  if (!isText5To500(input.description)) addError(errors, "description", DESCRIPTION_MESSAGE);
  if (start < now.getTime()) {
    addError(errors, "startsAt", say("The maintenance must start in the future: past minutes cannot be announced", "维护开始时间须在将来：已过去的时间无法再提前公告"));
  }
  if (end <= start) addError(errors, "endsAt", say("The maintenance must end after it starts", "维护结束时间须晚于开始时间"));
  else if (end - start > MAX_MAINTENANCE_MS) {
    addError(
      errors,
      "endsAt",
      say(
        "A maintenance window may last at most 24 hours: a longer interruption is an outage, recorded as an incident",
        "维护时长最多 24 小时：更长的中断属于故障，应记录为事件",
      ),
    );
  }
  return errors;
}

/** Whether the window's minutes are excluded from the SLA: the same rule the month close applies. */
export function announcedInTime(window: WindowTimes & { announcedAt: Date }, noticeHours: number): boolean {
  const maintenance = [{ startsAt: window.startsAt.getTime(), endsAt: window.endsAt.getTime(), announcedAt: window.announcedAt.getTime(), status: "scheduled" as const }];
  return excludedIntervals({ maintenance, incidents: [], noticeHours, tenantId: "", now: window.announcedAt.getTime() }).length > 0;
}

/** The warning for a window announced too late to be excluded (it may still be done, and counts). */
export function lateNotice(window: WindowTimes & { announcedAt: Date }, noticeHours: number): Localized | null {
  if (announcedInTime(window, noticeHours)) return null;
  const ahead = Math.max(0, Math.floor((window.startsAt.getTime() - window.announcedAt.getTime()) / HOUR_MS));
  return say(
    `Announced ${ahead} h ahead, less than the ${noticeHours} h notice: its minutes count against the SLA`,
    `提前 ${ahead} 小时公告，不足 ${noticeHours} 小时：维护期间的时长计入 SLA`,
  );
}

/** "2026-12-05 02:00–04:00 (UTC+8)": on Beijing time, as customers read it, and saying so. */
export function windowTimeText(window: WindowTimes): string {
  const from = shanghaiTime(window.startsAt);
  const to = shanghaiTime(window.endsAt);
  const until = to.day === from.day ? to.time : `${to.day} ${to.time}`;
  return `${from.day} ${from.time}–${until} (UTC+8)`;
}

/** "计划维护 Scheduled maintenance 2026-12-05 02:00–04:00 (UTC+8)". */
export const maintenanceTitle = (window: WindowTimes): string => `计划维护 Scheduled maintenance ${windowTimeText(window)}`;

export const CANCELLED_PREFIX = "已取消 Cancelled: ";

/** The announcement's title once the window is cancelled (kept within the column's 200 characters). */
export const cancelledTitle = (title: string): string => (title.startsWith(CANCELLED_PREFIX) ? title : `${CANCELLED_PREFIX}${title}`).slice(0, 200);
