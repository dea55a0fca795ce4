import { describe, expect, it } from "vitest";
import { stampClientAddress } from "./stamp-client-address";
import { clientIp } from "./ip";

describe("stampClientAddress", () => {
  it("replaces a client-chosen X-Forwarded-For with the socket's address when no proxy is trusted", () => {
    const headers = { "x-forwarded-for": "10.9.9.9", "x-real-ip": "10.8.8.8" } as Record<string, string>;
    stampClientAddress(headers, "::ffff:203.0.113.7", 0);
    expect(headers).toEqual({ "x-forwarded-for": "::ffff:203.0.113.7" });
    expect(clientIp(headers["x-forwarded-for"], headers["x-real-ip"], 0)).toBe("203.0.113.7");
  });

  it("drops the headers when the socket's address is unknown", () => {
    const headers = { "x-forwarded-for": "10.9.9.9" } as Record<string, string>;
    stampClientAddress(headers, undefined, 0);
    expect(headers).toEqual({});
  });

  it("leaves what trusted proxies appended", () => {
    const headers = { "x-forwarded-for": "10.9.9.9, 198.51.100.4" } as Record<string, string>;
    stampClientAddress(headers, "127.0.0.1", 1);
    expect(clientIp(headers["x-forwarded-for"], undefined, 1)).toBe("198.51.100.4");
  });
});
