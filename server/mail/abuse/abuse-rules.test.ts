import { describe, expect, it } from "vitest";
import { ABUSE_WINDOW_MS, abuseWindowStart, shouldSuspendSending, suspensionReason } from "./abuse-rules";

describe("shouldSuspendSending", () => {
  it("does not suspend below the limit and suspends at and above it", () => {
    expect(shouldSuspendSending(0, 5)).toBe(false);
    expect(shouldSuspendSending(4, 5)).toBe(false);
    expect(shouldSuspendSending(5, 5)).toBe(true);
    expect(shouldSuspendSending(6, 5)).toBe(true);
  });

  it("suspends at the first hit when the limit is 1", () => {
    expect(shouldSuspendSending(0, 1)).toBe(false);
    expect(shouldSuspendSending(1, 1)).toBe(true);
  });

  it("never suspends on a nonsensical limit", () => {
    expect(shouldSuspendSending(100, 0)).toBe(false);
  });
});

describe("abuseWindowStart", () => {
  it("is one hour before now", () => {
    const now = new Date("2026-11-27T10:00:00.000Z");
    expect(abuseWindowStart(now).toISOString()).toBe("2026-11-27T09:00:00.000Z");
    expect(ABUSE_WINDOW_MS).toBe(3_600_000);
  });
});

describe("suspensionReason", () => {
  it("names the count and the limit and fits the column", () => {
    const r = suspensionReason(5, 5);
    expect(r).toBe("Outbound spam: 5 messages scored as spam within an hour (limit 5)");
    expect(suspensionReason(1000, 1000).length).toBeLessThanOrEqual(255);
  });
});
