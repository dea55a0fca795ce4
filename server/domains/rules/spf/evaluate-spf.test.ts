import { describe, expect, it } from "vitest";
import { evaluateSpf } from "./evaluate-spf";
import { zoneDns } from "../test-support";

const OURS = { "spf.mailstead.net": ["v=spf1 ip4:192.0.2.0/24 -all"] };

describe("evaluateSpf", () => {
  it("counts our record as one lookup and expands it", async () => {
    const ev = await evaluateSpf("example.com", "v=spf1 include:spf.mailstead.net -all", zoneDns(OURS));
    expect(ev).toMatchObject({ lookups: 1, voidLookups: 0, all: "-", errors: [], warnings: [] });
    expect(ev.expanded).toEqual([{ domain: "spf.mailstead.net", via: ["example.com"], how: "include" }]);
  });

  it("fails a tree of 11 DNS-querying terms, naming the count and where the limit was passed", async () => {
    // example.com: include a (1) + include b (2) + mx (3); a: 4 × a:… (4–7); b: include c (8); c: a, mx, exists (9–11).
    const zone = {
      "a.example": ["v=spf1 a:h1.example.com a:h2.example.com a:h3.example.com a:h4.example.com -all"],
      "b.example": ["v=spf1 include:c.example -all"],
      "c.example": ["v=spf1 a mx exists:x.example.com -all"],
    };
    const hosts = Object.fromEntries(["h1.example.com", "h2.example.com", "h3.example.com", "h4.example.com", "c.example", "x.example.com", "example.com"].map((h) => [h, true]));
    const ev = await evaluateSpf("example.com", "v=spf1 include:a.example include:b.example mx -all", zoneDns(zone, hosts));
    expect(ev.lookups).toBe(11);
    expect(ev.errors).toEqual([
      { code: "spfTooManyLookups", params: { count: 11, limit: 10, chain: "example.com (mx)" } },
    ]);
  });

  it("names the include chain in which the eleventh lookup happens", async () => {
    const zone = { "deep.example": ["v=spf1 " + Array.from({ length: 10 }, (_, i) => `a:h${i}.example.com`).join(" ") + " -all"] };
    const ev = await evaluateSpf("example.com", "v=spf1 include:deep.example -all", zoneDns(zone));
    expect(ev.errors[0]).toEqual({ code: "spfTooManyLookups", params: { count: 11, limit: 10, chain: "example.com → deep.example (a:h9.example.com)" } });
  });

  it("accepts exactly 10 lookups", async () => {
    const record = "v=spf1 " + Array.from({ length: 10 }, (_, i) => `a:h${i}.example.com`).join(" ") + " -all";
    const ev = await evaluateSpf("example.com", record, zoneDns({}, Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`h${i}.example.com`, true]))));
    expect(ev.lookups).toBe(10);
    expect(ev.errors).toEqual([]);
  });

  it("fails more than 2 void lookups, naming them", async () => {
    const hosts = { "live.example.com": true };
    const record = "v=spf1 a:gone1.example.com a:live.example.com mx:gone2.example.com exists:gone3.example.com -all";
    const ev = await evaluateSpf("example.com", record, zoneDns({}, hosts));
    expect(ev.voidLookups).toBe(3);
    expect(ev.errors).toEqual([
      { code: "spfTooManyVoidLookups", params: { count: 3, limit: 2, names: "gone1.example.com, gone2.example.com, gone3.example.com" } },
    ]);
  });

  it("accepts 2 void lookups", async () => {
    const ev = await evaluateSpf("example.com", "v=spf1 a:gone1.example.com a:gone2.example.com -all", zoneDns({}));
    expect(ev.voidLookups).toBe(2);
    expect(ev.errors).toEqual([]);
  });

  it("detects include loops without looping", async () => {
    const zone = { "a.example": ["v=spf1 include:b.example -all"], "b.example": ["v=spf1 include:a.example -all"] };
    const ev = await evaluateSpf("example.com", "v=spf1 include:a.example -all", zoneDns(zone));
    expect(ev.errors).toEqual([{ code: "spfLoop", params: { chain: "example.com → a.example → b.example → a.example" } }]);
  });

  it("follows redirect only when there is no all, counting it, and takes the target's all", async () => {
    const zone = { "_spf.example.net": ["v=spf1 include:spf.mailstead.net ~all"], ...OURS };
    const ev = await evaluateSpf("example.com", "v=spf1 redirect=_spf.example.net", zoneDns(zone));
    expect(ev).toMatchObject({ lookups: 2, all: "~", errors: [] });
    expect(ev.expanded.map((e) => [e.domain, e.how])).toEqual([
      ["_spf.example.net", "redirect"],
      ["spf.mailstead.net", "include"],
    ]);
    const ignored = await evaluateSpf("example.com", "v=spf1 -all redirect=_spf.example.net", zoneDns(zone));
    expect(ignored).toMatchObject({ lookups: 0, all: "-" });
  });

  it("does not walk terms after all (a receiver never reaches them)", async () => {
    const ev = await evaluateSpf("example.com", "v=spf1 -all include:nowhere.example", zoneDns({}));
    expect(ev).toMatchObject({ lookups: 0, errors: [] });
  });

  it("fails an include whose target has no SPF record, or two, and counts a missing target as void", async () => {
    const zone = { "txt-only.example": ["google-site-verification=x"], "two.example": ["v=spf1 -all", "v=spf1 ~all"] };
    const ev = await evaluateSpf("example.com", "v=spf1 include:gone.example include:txt-only.example include:two.example -all", zoneDns(zone));
    expect(ev.voidLookups).toBe(1);
    expect(ev.errors.map((e) => [e.code, e.params?.domain])).toEqual([
      ["spfTargetHasNoSpf", "gone.example"],
      ["spfTargetHasNoSpf", "txt-only.example"],
      ["spfTargetHasTwoSpf", "two.example"],
    ]);
  });

  it("reports syntax errors inside included records, with the record's domain and a 1-based position", async () => {
    const ev = await evaluateSpf("example.com", "v=spf1 include:bad.example -all", zoneDns({ "bad.example": ["v=spf1 ip4:1.2.3.4/40 -all"] }));
    expect(ev.errors).toEqual([{ code: "spfBadCidr", params: { term: "ip4:1.2.3.4/40", position: 8, domain: "bad.example" } }]);
  });

  it("stops with a temperror when a lookup fails", async () => {
    const ev = await evaluateSpf("example.com", "v=spf1 include:flaky.example -all", zoneDns({}, {}, ["flaky.example"]));
    expect(ev.temperror).toMatch(/flaky.example: SERVFAIL/);
  });

  it("warns about ptr and macros it cannot expand, still counting them", async () => {
    const ev = await evaluateSpf("example.com", "v=spf1 ptr exists:%{i}.rbl.example.com -all", zoneDns({}));
    expect(ev.lookups).toBe(2);
    expect(ev.warnings.map((w) => w.code)).toEqual(["spfPtrDiscouraged", "spfMacroNotExpanded"]);
    const redirect = await evaluateSpf("example.com", "v=spf1 redirect=%{d}.spf.example.net", zoneDns({}));
    expect(redirect).toMatchObject({ lookups: 1, all: null, warnings: [{ code: "spfMacroNotExpanded" }] });
  });

  it("caps a hostile tree instead of querying without end", async () => {
    const zone: Record<string, string[]> = {};
    for (let i = 0; i < 500; i++) zone[`n${i}.example`] = [`v=spf1 include:n${i + 1}.example -all`];
    const dns = zoneDns(zone);
    const ev = await evaluateSpf("example.com", "v=spf1 include:n0.example -all", dns);
    expect(dns.asked.length).toBeLessThan(60);
    expect(ev.errors[0]).toMatchObject({ code: "spfTooManyLookups", params: { count: "50+" } });
  });
});
