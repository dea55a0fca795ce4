import { describe, expect, it } from "vitest";
import { clientIp } from "./ip";

describe("clientIp", () => {
  it.each([
    ["203.0.113.7, 10.0.0.1", null, "203.0.113.7"],
    ["::ffff:127.0.0.1", null, "127.0.0.1"],
    ["2001:db8::1", null, "2001:db8::1"],
    [null, "198.51.100.2", "198.51.100.2"],
    ["", "", null],
    [undefined, undefined, null],
  ])("%s / %s → %s", (forwarded, real, expected) => {
    expect(clientIp(forwarded, real)).toBe(expected);
  });
});
