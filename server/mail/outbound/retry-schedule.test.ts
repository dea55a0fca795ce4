import { describe, expect, it } from "vitest";
import { afterTemporaryFailure, delayWarningDue, GIVE_UP_AFTER_MS, giveUpAt, retryDelayMs, WARN_AFTER_MS } from "./retry-schedule";

const MIN = 60_000;
const queuedAt = new Date("2026-11-27T00:00:00.000Z");
const at = (ms: number) => new Date(queuedAt.getTime() + ms);

describe("retry schedule", () => {
  it("waits 1, 5 and 15 minutes, then hourly", () => {
    expect([1, 2, 3, 4, 5, 50].map(retryDelayMs)).toEqual([MIN, 5 * MIN, 15 * MIN, 60 * MIN, 60 * MIN, 60 * MIN]);
  });

  it("refuses a nonsense attempt count", () => {
    expect(() => retryDelayMs(0)).toThrow(/≥ 1/);
    expect(() => retryDelayMs(1.5)).toThrow(/whole number/);
  });

  it("schedules the next attempt from the failure's time", () => {
    expect(afterTemporaryFailure({ queuedAt, failedAttempts: 1, now: at(0) })).toEqual({ kind: "retry", at: at(MIN) });
    expect(afterTemporaryFailure({ queuedAt, failedAttempts: 3, now: at(6 * MIN) })).toEqual({ kind: "retry", at: at(21 * MIN) });
    expect(afterTemporaryFailure({ queuedAt, failedAttempts: 7, now: at(4 * 60 * MIN) })).toEqual({ kind: "retry", at: at(5 * 60 * MIN) });
  });

  it("puts the last retry at the five-day deadline, never after it", () => {
    const now = at(GIVE_UP_AFTER_MS - 10 * MIN);
    expect(afterTemporaryFailure({ queuedAt, failedAttempts: 40, now })).toEqual({ kind: "retry", at: at(GIVE_UP_AFTER_MS) });
  });

  it("gives up at five days", () => {
    expect(afterTemporaryFailure({ queuedAt, failedAttempts: 40, now: at(GIVE_UP_AFTER_MS) })).toEqual({ kind: "give-up" });
    expect(afterTemporaryFailure({ queuedAt, failedAttempts: 1, now: at(GIVE_UP_AFTER_MS + 1) })).toEqual({ kind: "give-up" });
    expect(giveUpAt(queuedAt)).toEqual(at(5 * 24 * 60 * MIN));
  });

  it("warns once, from four hours on", () => {
    expect(delayWarningDue({ queuedAt, warnedAt: null, now: at(WARN_AFTER_MS - 1) })).toBe(false);
    expect(delayWarningDue({ queuedAt, warnedAt: null, now: at(WARN_AFTER_MS) })).toBe(true);
    expect(delayWarningDue({ queuedAt, warnedAt: at(WARN_AFTER_MS), now: at(WARN_AFTER_MS + 60 * MIN) })).toBe(false);
  });
});
