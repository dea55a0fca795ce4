import { describe, expect, it } from "vitest";
import { candidateDomains, headerFromDomain, normalizeDomain, platformCandidates } from "./signing-domain";

const withFrom = (...froms: string[]) => Buffer.from(`${froms.map((f) => `From: ${f}\r\n`).join("")}Subject: x\r\n\r\nbody\r\n`);

describe("headerFromDomain", () => {
  it("finds the author's domain in the usual forms", () => {
    expect(headerFromDomain(withFrom("zhang@Example.COM"))).toBe("example.com");
    expect(headerFromDomain(withFrom("Zhang San <zhang@example.com>"))).toBe("example.com");
    expect(headerFromDomain(withFrom('"Zhang, San <x@evil.example>" <zhang@example.com>'))).toBe("example.com");
    expect(headerFromDomain(withFrom("zhang@example.com (Zhang, at evil.example)"))).toBe("example.com");
    expect(headerFromDomain(withFrom("=?UTF-8?B?5byg5LiJ?= <zhang@example.com>"))).toBe("example.com");
    expect(headerFromDomain(withFrom("Zhang\r\n\t<zhang@example.com>"))).toBe("example.com");
    expect(headerFromDomain(withFrom("zhang@例子.中国"))).toBe("xn--fsqu00a.xn--fiqs8s");
  });

  it("gives none for no From, two From fields, several authors, a group or a malformed address", () => {
    expect(headerFromDomain(Buffer.from("Subject: x\r\n\r\n"))).toBeNull();
    expect(headerFromDomain(withFrom("a@example.com", "b@example.com"))).toBeNull();
    expect(headerFromDomain(withFrom("a@example.com, b@other.example"))).toBeNull();
    expect(headerFromDomain(withFrom("A <a@example.com>, B <b@other.example>"))).toBeNull();
    expect(headerFromDomain(withFrom("Team: a@example.com;"))).toBeNull();
    expect(headerFromDomain(withFrom("a@example.com b@other.example"))).toBeNull();
    expect(headerFromDomain(withFrom("nobody"))).toBeNull();
    expect(headerFromDomain(withFrom("a@[192.0.2.1]"))).toBeNull();
    expect(headerFromDomain(withFrom("<>"))).toBeNull();
  });
});

describe("candidateDomains", () => {
  it("tries the header From's domain, then the envelope sender's, without repeats", () => {
    expect(candidateDomains(withFrom("a@example.com"), "bounce@other.example")).toEqual(["example.com", "other.example"]);
    expect(candidateDomains(withFrom("a@example.com"), "a@EXAMPLE.com")).toEqual(["example.com"]);
    expect(candidateDomains(withFrom("a@example.com"), "")).toEqual(["example.com"]);
    expect(candidateDomains(Buffer.from("Subject: x\r\n\r\n"), "")).toEqual([]);
  });

  it("normalizes domains to lower-case ASCII and refuses what is not a host name", () => {
    expect(normalizeDomain("Example.COM.")).toBe("example.com");
    expect(normalizeDomain("localhost")).toBeNull();
    expect(normalizeDomain("exa mple.com")).toBeNull();
    expect(normalizeDomain("")).toBeNull();
  });
});

describe("platformCandidates", () => {
  it("keeps only the platform's own names, adding the platform domain for names under it", () => {
    expect(platformCandidates(["mx.mailstead.net"], "mx.mailstead.net", "mailstead.net")).toEqual(["mx.mailstead.net", "mailstead.net"]);
    expect(platformCandidates(["mailstead.net"], "mx.mailstead.net", "mailstead.net")).toEqual(["mailstead.net"]);
    expect(platformCandidates(["mail.example.org"], "mail.example.org", "mailstead.net")).toEqual(["mail.example.org"]);
    expect(platformCandidates(["tenant.example.com", "notmailstead.net"], "mx.mailstead.net", "mailstead.net")).toEqual([]);
  });
});
