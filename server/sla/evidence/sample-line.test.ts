import { describe, expect, it } from "vitest";
import { canonicalJson, sampleLine, type SampleRow } from "./sample-line";
import { row } from "./sample-test-fixtures";


describe("canonicalJson", () => {
  it("sorts keys at every depth and drops undefined members, as JSON does", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, "x", { z: true, y: null }], c: undefined } })).toBe('{"a":{"d":[1,"x",{"y":null,"z":true}]},"b":1}');
  });
  it("gives the same text whatever order the keys came in", () => {
    expect(canonicalJson({ verdict: "spam", label: "corpus", score: 12.5 })).toBe(canonicalJson({ score: 12.5, label: "corpus", verdict: "spam" }));
  });
  it("writes bigints and dates as strings, and refuses what JSON cannot say", () => {
    expect(canonicalJson([10n, new Date("2026-11-03T00:00:00Z")])).toBe('["10","2026-11-03T00:00:00.000Z"]');
    expect(() => canonicalJson(Number.NaN)).toThrow(/non-finite/);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(/function/);
  });
});

describe("sampleLine", () => {
  it("spells out every field, keys sorted, the time in ISO UTC and the id as a string", () => {
    expect(sampleLine(row())).toBe(
      '{"affected":null,"at":"2026-11-03T10:00:00.120Z","detail":null,"error":null,"id":"42","latencyMs":183,"location":"bj-1","ok":true,"probe":"smtp_mx","skewMs":0,"target":"127.0.0.1:25","tenantId":null}',
    );
  });
  it("includes a labelled sample's detail canonically, and tells apart every field that can change", () => {
    const a = sampleLine(row({ probe: "spam", ok: false, detail: { verdict: "ham", label: "spam", file: "00017.eml" }, tenantId: "t1", affected: 3, error: "missed" }));
    expect(a).toContain('"detail":{"file":"00017.eml","label":"spam","verdict":"ham"}');
    const base = sampleLine(row());
    const changes: Partial<SampleRow>[] = [{ id: 43n }, { ok: false }, { latencyMs: 184 }, { latencyMs: null }, { error: "timeout" }, { at: new Date("2026-11-03T10:00:00.121Z") }, { skewMs: 1 }, { tenantId: "t" }, { affected: 0 }, { target: "x" }, { location: "sh-1" }, { probe: "pop3" }, { detail: {} }];
    for (const change of changes) expect(sampleLine(row(change))).not.toBe(base);
  });
});
