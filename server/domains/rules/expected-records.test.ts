import { describe, expect, it } from "vitest";
import { expectedRecords, relativeHost } from "./expected-records";
import { SETTINGS } from "./test-support";

const KEY = "A".repeat(392);

describe("expectedRecords", () => {
  const records = expectedRecords("example.com", SETTINGS, { ownershipToken: "tok123", dkim: [{ selector: "ms1", publicKeyBase64: KEY }] });

  it("lists every step's records in wizard order, all with TTL 3600", () => {
    expect(records.map((r) => [r.group, r.host, r.type, r.value, r.priority])).toEqual([
      ["ownership", "_mailstead-verify", "TXT", "mailstead-verification=tok123", undefined],
      ["mx", "@", "MX", "mx-n.mailstead.net", 5],
      ["mx", "@", "MX", "mx1-n.mailstead.net", 50],
      ["spf", "@", "TXT", "v=spf1 include:spf.mailstead.net -all", undefined],
      ["dkim", "ms1._domainkey", "TXT", `v=DKIM1; k=rsa; p=${KEY}`, undefined],
      ["dmarc", "_dmarc", "TXT", "v=DMARC1; p=quarantine; rua=mailto:dmarc-reports@mailstead.net", undefined],
      ["cname", "webmail", "CNAME", "webmail.mailstead.net", undefined],
      ["cname", "smtp", "CNAME", "smtp.mailstead.net", undefined],
      ["cname", "pop", "CNAME", "pop.mailstead.net", undefined],
      ["cname", "imap", "CNAME", "imap.mailstead.net", undefined],
    ]);
    expect(new Set(records.map((r) => r.ttl))).toEqual(new Set([3600]));
  });

  it("gives full names for the checker", () => {
    expect(records.map((r) => r.name)).toContain("ms1._domainkey.example.com");
    expect(records.map((r) => r.name)).toContain("_dmarc.example.com");
  });

  it("gives the DKIM value whole and as 255-character strings", () => {
    const dkim = records.find((r) => r.group === "dkim")!;
    expect(dkim.selector).toBe("ms1");
    expect(dkim.strings!.map((s) => s.length)).toEqual([255, dkim.value.length - 255]);
    expect(dkim.strings!.join("")).toBe(dkim.value);
  });

  it("one DKIM record per key (rotation publishes two selectors)", () => {
    const two = expectedRecords("example.com", SETTINGS, {
      ownershipToken: "t",
      dkim: [
        { selector: "ms1", publicKeyBase64: KEY },
        { selector: "ms2", publicKeyBase64: KEY },
      ],
    });
    expect(two.filter((r) => r.group === "dkim").map((r) => r.host)).toEqual(["ms1._domainkey", "ms2._domainkey"]);
  });

  it("makes names relative to the zone", () => {
    expect(relativeHost("example.com", "example.com")).toBe("@");
    expect(relativeHost("a.b.example.com", "example.com")).toBe("a.b");
    expect(relativeHost("other.net", "example.com")).toBe("other.net");
  });
});
