import { createHash } from "node:crypto";

// The fixed split of the SpamAssassin corpus into a training half and a held-out half
// (docs/spam.md). Pure: the same file list and seed always give the same halves, whatever
// order the list comes in. Each group is split 50/50 on its own, so both halves keep the
// corpus's mix of easy ham, hard ham and spam. The held-out half is for measuring only.

export const SPLIT_SEED = "mailstead-spam-split-v1";

export type CorpusGroup = "easy-ham-1" | "easy-ham-2" | "hard-ham-1" | "spam-1" | "spam-2";
export const CORPUS_GROUPS: readonly CorpusGroup[] = ["easy-ham-1", "easy-ham-2", "hard-ham-1", "spam-1", "spam-2"];

export type CorpusKind = "spam" | "ham";
export function kindOfGroup(group: CorpusGroup): CorpusKind {
  return group.startsWith("spam") ? "spam" : "ham";
}

/** "easy-ham-1/00001.7c53….txt" → "easy-ham-1"; throws on a path outside the known groups. */
export function groupOfPath(path: string): CorpusGroup {
  const group = path.split("/")[0] as CorpusGroup;
  if (!CORPUS_GROUPS.includes(group)) throw new Error(`corpus file ${JSON.stringify(path)} is not in a known group (${CORPUS_GROUPS.join(", ")})`);
  return group;
}

export type CorpusSplit = { train: string[]; heldOut: string[] };

/**
 * Splits paths ("<group>/<file>") per group: files ordered by sha256(seed + path), the first
 * ceil(n/2) of each group train, the rest are held out. Both halves come back sorted.
 */
export function splitCorpus(paths: readonly string[], seed: string = SPLIT_SEED): CorpusSplit {
  const byGroup = new Map<CorpusGroup, string[]>();
  for (const p of new Set(paths)) {
    const g = groupOfPath(p);
    byGroup.set(g, [...(byGroup.get(g) ?? []), p]);
  }
  const train: string[] = [];
  const heldOut: string[] = [];
  for (const files of byGroup.values()) {
    const ranked = files
      .map((p) => ({ p, h: createHash("sha256").update(`${seed}\0${p}`).digest("hex") }))
      .sort((a, b) => (a.h < b.h ? -1 : a.h > b.h ? 1 : a.p < b.p ? -1 : 1));
    const cut = Math.ceil(ranked.length / 2);
    ranked.forEach(({ p }, i) => (i < cut ? train : heldOut).push(p));
  }
  return { train: train.sort(), heldOut: heldOut.sort() };
}

/**
 * Splits a list the same way again (a different seed), for tuning inside the training half:
 * learn on `train`, choose thresholds and weights on `heldOut`, never touching the real held-out half.
 */
export function splitForTuning(trainingHalf: readonly string[]): CorpusSplit {
  return splitCorpus(trainingHalf, `${SPLIT_SEED}/tuning`);
}
