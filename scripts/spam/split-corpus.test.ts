import { describe, expect, it } from "vitest";
import { CORPUS_GROUPS, groupOfPath, kindOfGroup, splitCorpus, splitForTuning } from "./split-corpus";

const files = CORPUS_GROUPS.flatMap((g, gi) => Array.from({ length: 10 + gi * 7 }, (_, i) => `${g}/${String(i).padStart(5, "0")}.abc.txt`));

describe("splitCorpus", () => {
  it("is deterministic and ignores the input order", () => {
    const a = splitCorpus(files);
    const b = splitCorpus([...files].reverse());
    expect(b).toEqual(a);
    expect(splitCorpus(files)).toEqual(a);
  });

  it("splits each group 50/50 (the odd file goes to training)", () => {
    const { train, heldOut } = splitCorpus(files);
    for (const g of CORPUS_GROUPS) {
      const n = files.filter((f) => f.startsWith(g + "/")).length;
      expect(train.filter((f) => f.startsWith(g + "/"))).toHaveLength(Math.ceil(n / 2));
      expect(heldOut.filter((f) => f.startsWith(g + "/"))).toHaveLength(Math.floor(n / 2));
    }
  });

  it("gives disjoint halves that together are the whole list", () => {
    const { train, heldOut } = splitCorpus(files);
    const t = new Set(train);
    expect(heldOut.some((f) => t.has(f))).toBe(false);
    expect([...train, ...heldOut].sort()).toEqual([...files].sort());
  });

  it("keeps a file's side when other files are added (stable across corpus growth)", () => {
    const base = splitCorpus(files);
    const grown = splitCorpus([...files, ...Array.from({ length: 40 }, (_, i) => `spam-2/9${i}.new.txt`)]);
    const moved = base.train.filter((f) => grown.heldOut.includes(f)).length;
    // Ranking by hash: adding files moves only files near the cut, not the whole split.
    expect(moved).toBeLessThanOrEqual(15);
  });

  it("is pinned: the known first training files do not change between versions", () => {
    expect(splitCorpus(files).train.slice(0, 3)).toMatchInlineSnapshot(`
      [
        "easy-ham-1/00002.abc.txt",
        "easy-ham-1/00003.abc.txt",
        "easy-ham-1/00004.abc.txt",
      ]
    `);
  });

  it("depends on the seed, and the tuning split is a different cut of the training half", () => {
    const { train } = splitCorpus(files);
    expect(splitCorpus(files, "other").train).not.toEqual(train);
    const tuning = splitForTuning(train);
    expect([...tuning.train, ...tuning.heldOut].sort()).toEqual([...train].sort());
  });

  it("collapses duplicates and refuses unknown groups", () => {
    expect(splitCorpus([...files, files[0]!]).train.length + splitCorpus(files).heldOut.length).toBe(files.length);
    expect(() => splitCorpus(["ham/1.txt"])).toThrow(/not in a known group/);
  });
});

describe("groups", () => {
  it("names each group's kind", () => {
    expect(CORPUS_GROUPS.map(kindOfGroup)).toEqual(["ham", "ham", "ham", "spam", "spam"]);
    expect(groupOfPath("hard-ham-1/x.txt")).toBe("hard-ham-1");
  });
});
