import { describe, expect, it } from "vitest";
import { corpusHalves } from "@/scripts/spam/corpus";
import { corpusSample, nextVirus } from "./spam.probe";

// The labelled samples come from the corpus's held-out half only: measuring the filter on the
// half its Bayes learned would flatter it (issue 9 §3, issue 8's fixed split).
describe("spam probe samples", () => {
  it("picks spam and ham from the held-out half, never the training half", async () => {
    const { heldOut, train } = await corpusHalves();
    const held = new Map(heldOut.map((e) => [e.path, e.kind]));
    const trained = new Set(train.map((e) => e.path));
    for (let i = 0; i < 20; i++) {
      for (const kind of ["spam", "ham"] as const) {
        const s = await corpusSample(kind);
        expect(s.label).toBe(kind);
        expect(held.get(s.source)).toBe(kind);
        expect(trained.has(s.source)).toBe(false);
        expect(s.bytes.length).toBeGreaterThan(100);
      }
    }
  });

  it("alternates EICAR with a clamav-testfiles file", () => {
    const sources = [nextVirus(), nextVirus(), nextVirus()].map((v) => v.source);
    expect(new Set(sources).size).toBe(2);
  });
});
