import { describe, expect, it } from "vitest";
import { decodeQuarantineCursor, encodeQuarantineCursor } from "./quarantine-cursor";

describe("quarantine cursor", () => {
  it("round-trips a position", () => {
    const c = { receivedAt: new Date("2026-11-26T08:00:00.123Z"), id: 9_223_372_036_854_775_807n };
    expect(decodeQuarantineCursor(encodeQuarantineCursor(c))).toEqual(c);
  });

  it.each(["", "page-2", "12_", "_12", "1_0", "1_01", "1_9223372036854775808", "1234567890123456_1", "1.5_2"])("refuses %j", (text) => {
    expect(decodeQuarantineCursor(text)).toBeNull();
  });
});
