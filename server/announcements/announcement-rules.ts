import { addError, type FieldErrors } from "@/server/sla/admin-fields";
import { say } from "@/server/shared/errors";
import { BODY_MAX, isBlankBody, sanitizeBody } from "./sanitize-body";

// The announcement's life on the clock, and the checks of what a publisher writes. Pure: the
// use cases pass `now` from the clock, the tests pass instants.

export type AnnouncementState = "draft" | "scheduled" | "current" | "ended";
export const ANNOUNCEMENT_STATES = ["draft", "scheduled", "current", "ended"] as const;

type Timed = { publishAt: Date | null; takeDownAt: Date | null; deletedAt?: Date | null };

/** Draft: no publish time. Scheduled: publishes later. Current: shown now. Ended: taken down. */
export function announcementState(a: Timed, now: Date): AnnouncementState {
  if (!a.publishAt) return "draft";
  if (a.publishAt.getTime() > now.getTime()) return "scheduled";
  if (a.takeDownAt && a.takeDownAt.getTime() <= now.getTime()) return "ended";
  return "current";
}

/** Shown to readers right now: published, not yet taken down, not deleted. */
export const isCurrent = (a: Timed, now: Date): boolean => !a.deletedAt && announcementState(a, now) === "current";

export const TITLE_MAX = 200;
/** A publish time this far in the past still counts as "now" (the form was filled a moment ago). */
export const PUBLISH_GRACE_MS = 60_000;

export const MESSAGES = {
  title: say(`Give a title of 1 to ${TITLE_MAX} characters`, `请填写 1 到 ${TITLE_MAX} 个字符的标题`),
  bodyEmpty: say("Write the announcement's text", "请填写公告内容"),
  bodyLong: say(`The text is too long: at most ${BODY_MAX.toLocaleString("en")} characters of formatted text`, `内容过长：排版后最多 ${BODY_MAX} 个字符`),
  takeDownOrder: say("The take-down time must be after the publish time", "下线时间须晚于上线时间"),
  takeDownPast: say("The take-down time has already passed", "下线时间已经过去"),
  publishPast: say("The publish time has already passed: choose a later time, or publish now", "上线时间已经过去：请选择之后的时间，或立即发布"),
} as const;

export type Draft = { title: string; body: string; publishAt: Date | null; takeDownAt: Date | null };

/**
 * Checks a publisher's text and times and returns them cleaned (title trimmed, body sanitised),
 * with every field's problem. `checkPublish`: a new publish time must not lie in the past (false
 * when it is the time already stored of a current announcement).
 */
export function draftProblems(input: Draft, now: Date, checkPublish = true): { errors: FieldErrors; clean: Draft } {
  const errors: FieldErrors = {};
  const title = input.title.trim();
  if (title.length < 1 || title.length > TITLE_MAX) addError(errors, "title", MESSAGES.title);
  const body = sanitizeBody(input.body);
  if (isBlankBody(body)) addError(errors, "body", MESSAGES.bodyEmpty);
  else if (body.length > BODY_MAX) addError(errors, "body", MESSAGES.bodyLong);
  const { publishAt, takeDownAt } = input;
  if (checkPublish && publishAt && publishAt.getTime() < now.getTime() - PUBLISH_GRACE_MS) addError(errors, "publishAt", MESSAGES.publishPast);
  if (takeDownAt) {
    if (takeDownAt.getTime() <= now.getTime()) addError(errors, "takeDownAt", MESSAGES.takeDownPast);
    else if (publishAt && takeDownAt.getTime() <= publishAt.getTime()) addError(errors, "takeDownAt", MESSAGES.takeDownOrder);
  }
  return { errors, clean: { title, body, publishAt, takeDownAt } };
}
