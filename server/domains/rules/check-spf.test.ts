import { describe, expect, it } from "vitest";
import { checkSpf } from "./check-spf";
import type { TxtRecord } from "./check-types";
import { SETTINGS, answer, codes, failed, render, zoneDns } from "./test-support";

const OURS = { "spf.mailstead.net": ["v=spf1 ip4:192.0.2.0/24 -all"] };
const check = (records: string[][], zone: Record<string, string[] | null> = OURS, broken: string[] = []) =>
  checkSpf("example.com", [answer<TxtRecord>("r1", records)], SETTINGS, () => zoneDns(zone, {}, broken));

describe("checkSpf", () => {
  it("is ok with our record", async () => {
    expect(await check([["v=spf1 include:spf.mailstead.net -all"]])).toEqual({ status: "ok", problems: [] });
  });

  it("joins the strings of one record before reading it", async () => {
    expect((await check([["v=spf1 include:spf.mail", "stead.net -all"]])).status).toBe("ok");
  });

  it("is missing when no TXT record is an SPF record", async () => {
    const result = await check([["google-site-verification=abc"]]);
    expect(result.status).toBe("missing");
    expect(codes(result)).toEqual(["spfMissing"]);
  });

  it("is wrong with two SPF records (RFC 7208 permerror)", async () => {
    const result = await check([["v=spf1 include:spf.mailstead.net -all"], ["v=spf1 include:old-provider.example ~all"]]);
    expect(result.status).toBe("wrong");
    expect(codes(result)).toEqual(["spfMultiple"]);
    expect(result.problems[0]!.params).toMatchObject({ count: 2 });
  });

  it("is wrong without our include", async () => {
    const result = await check([["v=spf1 ip4:192.0.2.1 -all"]]);
    expect(codes(result)).toEqual(["spfIncludeMissing"]);
    expect(result.status).toBe("wrong");
  });

  it("accepts our include reached through a nested include, with a note", async () => {
    const result = await check([["v=spf1 include:_spf.example.com -all"]], { ...OURS, "_spf.example.com": ["v=spf1 include:spf.mailstead.net -all"] });
    expect(result.status).toBe("ok");
    expect(codes(result)).toEqual(["spfIncludeNested"]);
    expect(result.problems[0]!.params).toEqual({ include: "spf.mailstead.net", via: "example.com → _spf.example.com → spf.mailstead.net" });
  });

  it("gives ~all, ?all, +all and a missing all each their own diagnosis", async () => {
    const soft = await check([["v=spf1 include:spf.mailstead.net ~all"]]);
    expect([soft.status, codes(soft)]).toEqual(["ok", ["spfSoftFail"]]);
    const neutral = await check([["v=spf1 include:spf.mailstead.net ?all"]]);
    expect([neutral.status, codes(neutral)]).toEqual(["wrong", ["spfNeutralAll"]]);
    const pass = await check([["v=spf1 include:spf.mailstead.net +all"]]);
    expect([pass.status, codes(pass)]).toEqual(["wrong", ["spfPassAll"]]);
    const none = await check([["v=spf1 include:spf.mailstead.net"]]);
    expect([none.status, codes(none)]).toEqual(["wrong", ["spfNoAll"]]);
    const macro = await check([["v=spf1 include:spf.mailstead.net redirect=%{d}.spf.example.net"]]);
    expect([macro.status, codes(macro)]).toEqual(["ok", ["spfMacroNotExpanded"]]);
  });

  it("is wrong with a syntax error, naming the term and its position", async () => {
    const result = await check([["v=spf1 include:spf.mailstead.net ip4:10.0.0.0/33 -all"]]);
    expect(result.status).toBe("wrong");
    expect(codes(result)).toContain("spfBadCidr");
    expect(result.problems[0]!.params).toEqual({ term: "ip4:10.0.0.0/33", position: 34, domain: "example.com" });
  });

  it("is wrong when the expanded tree needs 11 lookups, naming the count", async () => {
    // include:spf.mailstead.net (1) + include:big.example (2) + 9 exists inside big.example (3–11).
    const zone = { ...OURS, "big.example": ["v=spf1 " + Array.from({ length: 9 }, (_, i) => `exists:h${i}.example.com`).join(" ") + " -all"] };
    const result = await check([["v=spf1 include:spf.mailstead.net include:big.example -all"]], zone);
    expect(result.status).toBe("wrong");
    expect(codes(result)).toContain("spfTooManyLookups");
    const tooMany = result.problems.find((p) => p.code === "spfTooManyLookups")!;
    expect(tooMany.params).toMatchObject({ count: 11, limit: 10, chain: "example.com → big.example (exists:h8.example.com)" });
    expect(render([tooMany]).en[0]).toContain("needs 11 DNS lookups");
  });

  it("is wrong with 3 void lookups", async () => {
    const result = await check([["v=spf1 include:spf.mailstead.net a:old1.example.com a:old2.example.com mx:old3.example.com -all"]]);
    expect([result.status, codes(result)]).toEqual(["wrong", ["spfTooManyVoidLookups"]]);
    expect(result.problems[0]!.params).toMatchObject({ count: 3 });
  });

  it("is unknown, never wrong, when expanding an include fails on the only resolver", async () => {
    const result = await check([["v=spf1 include:spf.mailstead.net -all"]], OURS, ["spf.mailstead.net"]);
    expect(result.status).toBe("unknown");
    expect(codes(result)).toEqual(["resolverFailed"]);
  });

  it("is pending when one resolver sees the record and another still has the old one", async () => {
    const result = await checkSpf(
      "example.com",
      [answer<TxtRecord>("1.1.1.1", [["v=spf1 include:spf.mailstead.net -all"]]), answer<TxtRecord>("8.8.8.8", [["v=spf1 include:old.example ~all"]])],
      SETTINGS,
      () => zoneDns({ ...OURS, "old.example": ["v=spf1 -all"] }),
    );
    expect(result.status).toBe("pending");
  });

  it("is unknown when the resolver itself failed", async () => {
    const result = await checkSpf("example.com", [failed<TxtRecord>("r1")], SETTINGS, () => zoneDns(OURS));
    expect(result.status).toBe("unknown");
  });
});
