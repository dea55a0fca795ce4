import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "./mail-log-cursor";

describe("mail log cursor", () => {
  it("round-trips a position", () => {
    const c = { receivedAt: new Date("2026-11-26T12:34:56.789Z"), id: 9_007_199_254_740_993n };
    expect(encodeCursor(c)).toBe("1795696496789_9007199254740993");
    expect(decodeCursor(encodeCursor(c))).toEqual(c);
  });

  it.each(["", "abc", "1_", "_1", "1-2", "1.5_2", "-1_2", "1_2_3", "1_9223372036854775808", " 1_2"])("rejects %j", (text) => {
    expect(decodeCursor(text)).toBeNull();
  });
});
