import { describe, expect, it } from "vitest";
import { announcementState, draftProblems, isCurrent, MESSAGES, PUBLISH_GRACE_MS, TITLE_MAX } from "./announcement-rules";
import { BODY_MAX } from "./sanitize-body";

const at = (s: string) => new Date(`2026-12-01T${s}:00Z`);
const PUBLISH = at("10:00");
const TAKE_DOWN = at("12:00");
const scheduled = { publishAt: PUBLISH, takeDownAt: TAKE_DOWN };

describe("announcementState on the clock", () => {
  it.each([
    ["before publish", at("09:59"), "scheduled", false],
    ["at publish", PUBLISH, "current", true],
    ["between", at("11:00"), "current", true],
    ["at take-down", TAKE_DOWN, "ended", false],
    ["after take-down", at("13:00"), "ended", false],
  ] as const)("%s → %s", (_when, now, state, current) => {
    expect(announcementState(scheduled, now)).toBe(state);
    expect(isCurrent(scheduled, now)).toBe(current);
  });

  it("a draft has no publish time and is never current", () => {
    expect(announcementState({ publishAt: null, takeDownAt: null }, at("11:00"))).toBe("draft");
    expect(isCurrent({ publishAt: null, takeDownAt: null }, at("11:00"))).toBe(false);
  });

  it("without a take-down time it stays current", () => {
    expect(isCurrent({ publishAt: PUBLISH, takeDownAt: null }, new Date("2030-01-01T00:00:00Z"))).toBe(true);
  });

  it("a deleted one is never current", () => {
    expect(isCurrent({ ...scheduled, deletedAt: at("10:30") }, at("11:00"))).toBe(false);
  });
});

describe("draftProblems", () => {
  const now = at("09:00");
  const ok = { title: " 系统升级 ", body: "<p>今晚升级</p><script>x()</script>", publishAt: PUBLISH, takeDownAt: TAKE_DOWN };

  it("cleans a valid draft: trimmed title, sanitised body", () => {
    const { errors, clean } = draftProblems(ok, now);
    expect(errors).toEqual({});
    expect(clean).toEqual({ title: "系统升级", body: "<p>今晚升级</p>", publishAt: PUBLISH, takeDownAt: TAKE_DOWN });
  });

  it("refuses a take-down equal to or before the publish time, on the field", () => {
    expect(draftProblems({ ...ok, takeDownAt: PUBLISH }, now).errors).toEqual({ takeDownAt: [MESSAGES.takeDownOrder] });
    expect(draftProblems({ ...ok, takeDownAt: at("09:30") }, now).errors).toEqual({ takeDownAt: [MESSAGES.takeDownOrder] });
  });

  it("refuses a take-down time in the past (also for a draft)", () => {
    expect(draftProblems({ ...ok, publishAt: null, takeDownAt: at("08:00") }, now).errors).toEqual({ takeDownAt: [MESSAGES.takeDownPast] });
  });

  it("refuses a publish time in the past beyond the grace, unless told not to check it", () => {
    const past = new Date(now.getTime() - PUBLISH_GRACE_MS - 1);
    expect(draftProblems({ ...ok, publishAt: past }, now).errors).toEqual({ publishAt: [MESSAGES.publishPast] });
    expect(draftProblems({ ...ok, publishAt: new Date(now.getTime() - 1000) }, now).errors).toEqual({});
    expect(draftProblems({ ...ok, publishAt: past }, now, false).errors).toEqual({});
  });

  it("refuses an empty or too long title", () => {
    expect(draftProblems({ ...ok, title: "   " }, now).errors).toEqual({ title: [MESSAGES.title] });
    expect(draftProblems({ ...ok, title: "x".repeat(TITLE_MAX + 1) }, now).errors).toEqual({ title: [MESSAGES.title] });
    expect(draftProblems({ ...ok, title: "x".repeat(TITLE_MAX) }, now).errors).toEqual({});
  });

  it("refuses a body empty after sanitising, or longer than the limit after it", () => {
    expect(draftProblems({ ...ok, body: '<script>alert(1)</script><img src=x onerror="y()">' }, now).errors).toEqual({ body: [MESSAGES.bodyEmpty] });
    expect(draftProblems({ ...ok, body: `<p>${"x".repeat(BODY_MAX)}</p>` }, now).errors).toEqual({ body: [MESSAGES.bodyLong] });
    // Counted after sanitising: a long script does not count.
    expect(draftProblems({ ...ok, body: `<p>x</p><script>${"x".repeat(BODY_MAX)}</script>` }, now).errors).toEqual({});
  });
});
