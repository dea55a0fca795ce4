import { describe, expect, it } from "vitest";
import { answerQuestion, buildZone, type ZoneRow } from "./sandbox-zone";
import { sandbox } from "./sandbox-records.types";

// Rows as the table holds them; the last one was written around the validation.
const row = (r: { name: string; type: string; ttl?: number; data: unknown }): ZoneRow => ({ ...r, ttl: r.ttl ?? 3600 });
const { zone, skipped } = buildZone(
  [
    sandbox.mx("example.test", 5, "mx.example.test"),
    sandbox.txt("example.test", "a", "b"),
    sandbox.a("mx.example.test", "192.0.2.1"),
    sandbox.txt("s1._domainkey.example.test", "v=DKIM1"),
    sandbox.cname("www.example.test", "example.test"),
    sandbox.cname("out.example.test", "elsewhere.test"),
    sandbox.cname("loop1.example.test", "loop2.example.test"),
    sandbox.cname("loop2.example.test", "loop1.example.test"),
    { name: "broken.example.test", type: "MX", data: { exchange: 42 } },
  ].map(row),
);

describe("answerQuestion", () => {
  it("answers the records of the type asked", () => {
    expect(answerQuestion(zone, "EXAMPLE.test.", "MX").answers.map((r) => r.type)).toEqual(["MX"]);
    expect(answerQuestion(zone, "example.test", "TXT").answers[0]?.data).toEqual({ strings: ["a", "b"] });
  });

  it("NXDOMAIN for an unknown name, NOERROR without answers for another type or an empty non-terminal", () => {
    expect(answerQuestion(zone, "nope.example.test", "A")).toEqual({ rcode: 3, answers: [] });
    expect(answerQuestion(zone, "example.test", "AAAA")).toEqual({ rcode: 0, answers: [] });
    expect(answerQuestion(zone, "_domainkey.example.test", "TXT")).toEqual({ rcode: 0, answers: [] });
  });

  it("answers the CNAME for any type, followed by the in-zone target's records", () => {
    expect(answerQuestion(zone, "www.example.test", "MX").answers.map((r) => `${r.name} ${r.type}`)).toEqual(["www.example.test CNAME", "example.test MX"]);
    expect(answerQuestion(zone, "www.example.test", "CNAME").answers.map((r) => r.type)).toEqual(["CNAME"]);
    expect(answerQuestion(zone, "out.example.test", "TXT").answers.map((r) => r.type)).toEqual(["CNAME"]);
    expect(answerQuestion(zone, "loop1.example.test", "A").answers).toHaveLength(2);
  });

  it("skips a row that does not validate", () => {
    expect(skipped.map((r) => r.name)).toEqual(["broken.example.test"]);
    expect(answerQuestion(zone, "broken.example.test", "MX").rcode).toBe(3);
  });
});
