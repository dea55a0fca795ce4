import { describe, expect, it } from "vitest";
import { ulid, ulidTime } from "./ulid";

describe("ulid", () => {
  it("is 26 Crockford characters that give back their time", () => {
    const at = new Date("2026-11-26T12:34:56.789Z");
    const id = ulid(at);
    expect(id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(ulidTime(id)).toEqual(at);
  });

  it("sorts by time as a string", () => {
    const a = ulid(new Date("2026-01-01T00:00:00.000Z"));
    const b = ulid(new Date("2026-01-01T00:00:00.001Z"));
    expect(a < b).toBe(true);
  });

  it("refuses what is not a ULID", () => {
    expect(ulidTime("not-a-ulid")).toBeNull();
    expect(ulidTime("0".repeat(25) + "I")).toBeNull();
  });
});
