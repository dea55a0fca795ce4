import { describe, expect, it } from "vitest";
import type { ScoredMessage } from "./evaluate";
import { nestedCheck, reweigh, searchGrid, weightCombinations } from "./tune-grid";

const msg = (kind: "spam" | "ham", score: number, symbols: Record<string, number> = {}, group?: string): ScoredMessage => ({
  path: `${kind}/${score}`,
  group: (group ?? (kind === "spam" ? "spam-1" : "easy-ham-1")) as ScoredMessage["group"],
  kind,
  score,
  symbols,
  ms: 1,
});

describe("tune-grid", () => {
  it("combines every weight of every symbol", () => {
    expect(weightCombinations({ A: [1, 2], B: [3] })).toEqual([{ A: 1, B: 3 }, { A: 2, B: 3 }]);
    expect(weightCombinations({})).toEqual([{}]);
  });

  it("rescales a symbol's score with its weight", () => {
    // SPAMD 1.5 × SpamAssassin 4 = 6 in a score of 10; at weight 0.75 it is worth 3.
    expect(reweigh(msg("spam", 10, { SPAMD: 6 }), { SPAMD: 0.75 }, { SPAMD: 1.5 })).toBeCloseTo(7);
    expect(reweigh(msg("spam", 10), { SPAMD: 0.75 }, { SPAMD: 1.5 })).toBe(10);
  });

  it("keeps only thresholds within the false-positive budget, also 0.1 below them, best first", () => {
    const spam = [msg("spam", 9), msg("spam", 8), msg("spam", 7)];
    // A ham at 7.95: a threshold of 8.0 flags it 0.1 below (7.9), so 8.1 is the first allowed.
    const ham = [msg("ham", 7.95), ...Array.from({ length: 999 }, () => msg("ham", 0))];
    const rows = searchGrid([...spam, ...ham], { weights: {}, thresholds: [7, 8, 8.1, 9] }, {}, 0);
    // Equal catches: the higher threshold first (more room between it and the ham).
    expect(rows.map((r) => [r.q, r.caught])).toEqual([[9, 1], [8.1, 1]]);
    // With one false positive allowed in 1,000, 7 catches everything.
    expect(searchGrid([...spam, ...ham], { weights: {}, thresholds: [7, 8] }, {}, 0.001)[0]).toMatchObject({ q: 7, caught: 3, easy: 1 });
  });

  it("counts the choice made on one fold on the other", () => {
    const a = [msg("spam", 9), msg("spam", 6), msg("ham", 1)];
    const b = [msg("spam", 6), msg("ham", 8.5)];
    const [first, second] = nestedCheck([a, b], { weights: {}, thresholds: [5, 9] }, {}, 0);
    // Fold 1 chooses 5 (both its spam, no ham); on fold 2 that catches the 6 and flags the 8.5 ham.
    expect(first!.choice).toMatchObject({ q: 5, caught: 2 });
    expect(first!.other).toMatchObject({ spam: { caught: 1, total: 1 }, easyHam: { flagged: 1, total: 1 } });
    // Fold 2 can only choose 9 (5 flags its ham); on fold 1 that catches one spam of two.
    expect(second!.choice).toMatchObject({ q: 9 });
    expect(second!.other).toMatchObject({ spam: { caught: 1, total: 2 }, easyHam: { flagged: 0 } });
  });
});
