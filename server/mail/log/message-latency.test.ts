import { describe, expect, it } from "vitest";
import { MAX_LATENCY_MS, messageLatencyMs } from "./message-latency";

describe("messageLatencyMs", () => {
  const t = new Date("2026-11-03T10:00:00.000Z");
  it("counts whole milliseconds from receipt to the event", () => {
    expect(messageLatencyMs(t, new Date("2026-11-03T10:00:02.500Z"))).toBe(2500);
    expect(messageLatencyMs(t, new Date("2026-11-03T11:00:00.000Z"))).toBe(3_600_000);
  });
  it("is 0, never negative, when the event's clock reads earlier than the receipt's", () => {
    expect(messageLatencyMs(t, t)).toBe(0);
    expect(messageLatencyMs(t, new Date("2026-11-03T09:59:59.000Z"))).toBe(0);
  });
  it("stops at the column's limit (about 24.8 days) for a message stored weeks after it came", () => {
    expect(messageLatencyMs(t, new Date("2026-12-31T00:00:00.000Z"))).toBe(MAX_LATENCY_MS);
  });
});
