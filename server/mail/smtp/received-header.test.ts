import { describe, expect, it } from "vitest";
import { receivedHeader, rfc5322Date, safeHelo } from "./received-header";

describe("receivedHeader", () => {
  const at = new Date("2026-11-26T09:05:03Z");
  const base = { helo: "client.example", clientIp: "192.0.2.7", by: "mx.mailstead.test", protocol: "ESMTPS", id: "01KB0000000000000000000000", at };

  it("writes an RFC 5321 trace line with the ULID and one recipient", () => {
    expect(receivedHeader({ ...base, recipients: ["bob@example.test"] })).toBe(
      "Received: from client.example ([192.0.2.7])\r\n\tby mx.mailstead.test (Mailstead) with ESMTPS id 01KB0000000000000000000000\r\n\tfor <bob@example.test>;\r\n\tThu, 26 Nov 2026 09:05:03 +0000\r\n",
    );
  });

  it("names no recipient when there are several (Bcc) and marks IPv6", () => {
    const h = receivedHeader({ ...base, clientIp: "::1", recipients: ["a@x.test", "b@x.test"] });
    expect(h).toContain("([IPv6:::1])");
    expect(h).not.toContain("for <");
  });

  it("keeps a hostile HELO printable and out of the structure", () => {
    expect(safeHelo("evil\r\nX-Injected: 1 (comment)")).toBe("evilX-Injected:1comment");
    expect(safeHelo("")).toBe("unknown");
  });

  it("formats dates as RFC 5322", () => {
    expect(rfc5322Date(new Date("2027-01-01T00:00:00Z"))).toBe("Fri, 1 Jan 2027 00:00:00 +0000");
  });
});
