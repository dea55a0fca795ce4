import { describe, expect, it } from "vitest";
import { isSpfRecord, parseSpf, spfTxtValue } from "./parse-spf";

const errorsOf = (record: string) => parseSpf(record).errors.map((e) => [e.code, e.term, e.position]);

describe("parseSpf (RFC 7208 §4.6, §12)", () => {
  it("parses our record and the common mechanisms and modifiers", () => {
    const parsed = parseSpf("v=spf1 include:spf.mailstead.net ip4:192.0.2.0/24 ip6:2001:db8::/32 a mx:mail.example.com/24//64 ~all exp=explain.%{d}");
    expect(parsed.errors).toEqual([]);
    expect(parsed.terms.map((t) => (t.kind === "mechanism" ? `${t.qualifier}${t.name}` : t.name))).toEqual([
      "+include",
      "+ip4",
      "+ip6",
      "+a",
      "+mx",
      "~all",
      "exp",
    ]);
    expect(spfTxtValue("spf.mailstead.net")).toBe("v=spf1 include:spf.mailstead.net -all");
  });

  it("recognises SPF records by their exact version section", () => {
    expect(isSpfRecord("v=spf1 -all")).toBe(true);
    expect(isSpfRecord("V=SPF1")).toBe(true);
    expect(isSpfRecord("v=spf10 -all")).toBe(false);
    expect(isSpfRecord("spf1 -all")).toBe(false);
  });

  it("names each bad term with its 0-based position in the record", () => {
    expect(errorsOf("v=spf1 includes:a.com -all")).toEqual([["spfUnknownMechanism", "includes:a.com", 7]]);
    expect(errorsOf("v=spf1 !all")).toEqual([["spfBadQualifier", "!all", 7]]);
    expect(errorsOf("v=spf1 +-all")).toEqual([["spfBadQualifier", "+-all", 7]]);
    expect(errorsOf("v=spf1 ip4:192.0.2.0/33 -all")).toEqual([["spfBadCidr", "ip4:192.0.2.0/33", 7]]);
    expect(errorsOf("v=spf1 ip4:192.0.2.0/024")).toEqual([["spfBadCidr", "ip4:192.0.2.0/024", 7]]);
    expect(errorsOf("v=spf1 a/24//129")).toEqual([["spfBadCidr", "a/24//129", 7]]);
    expect(errorsOf("v=spf1 ip4:192.0.2.300")).toEqual([["spfBadIp", "ip4:192.0.2.300", 7]]);
    expect(errorsOf("v=spf1 ip6:2001:db8::/32x")).toEqual([["spfBadCidr", "ip6:2001:db8::/32x", 7]]);
    expect(errorsOf("v=spf1 include -all")).toEqual([["spfMissingDomain", "include", 7]]);
    expect(errorsOf("v=spf1 include:localhost")).toEqual([["spfBadDomain", "include:localhost", 7]]);
    expect(errorsOf("v=spf1 all:x")).toEqual([["spfBadArgument", "all:x", 7]]);
  });

  it("checks macros at least for their basic syntax", () => {
    expect(errorsOf("v=spf1 exists:%{i}.%{l1r-}.x.example.com -all")).toEqual([]);
    expect(errorsOf("v=spf1 exists:%{q}.example.com")).toEqual([["spfBadMacro", "exists:%{q}.example.com", 7]]);
    expect(errorsOf("v=spf1 include:50%.example.com")).toEqual([["spfBadMacro", "include:50%.example.com", 7]]);
    expect(errorsOf("v=spf1 exists:%{i")).toEqual([["spfBadMacro", "exists:%{i", 7]]);
  });

  it("refuses a repeated redirect and keeps unknown modifiers (receivers ignore them)", () => {
    expect(errorsOf("v=spf1 redirect=a.com redirect=b.com")).toEqual([["spfDuplicateModifier", "redirect=b.com", 22]]);
    expect(parseSpf("v=spf1 foo=bar -all").terms[0]).toMatchObject({ kind: "modifier", name: "foo", value: "bar" });
  });

  it("reports every error, not only the first", () => {
    expect(errorsOf("v=spf1 ip4:1.2.3 bogus -all").map((e) => e[0])).toEqual(["spfBadIp", "spfUnknownMechanism"]);
  });
});
