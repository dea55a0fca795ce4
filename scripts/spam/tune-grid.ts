import { DEFAULT_SPAM_POLICY, type SpamThresholds } from "@/server/mail/filter/spam-policy-rules";
import { rates, rescore, type ScoredMessage } from "./evaluate";

// The tuning search, as pure functions over cross-validated scores (scripts/spam/tune.ts):
// symbol weights × quarantine thresholds, keeping easy-ham false positives within a budget.

export type Weights = Readonly<Record<string, number>>;
export type GridRow = { weights: Weights; q: number; caught: number; spamTotal: number; easy: number; easyTotal: number; hard: number; hardTotal: number };
export type Grid = { weights: Record<string, readonly number[]>; thresholds: readonly number[] };

/** Every combination of the grid's symbol weights. */
export function weightCombinations(grid: Grid["weights"]): Weights[] {
  return Object.entries(grid).reduce<Weights[]>((acc, [name, values]) => acc.flatMap((w) => values.map((v) => ({ ...w, [name]: v }))), [{}]);
}

/** The message's score had its symbols weighed `weights` instead of `scanned` (a symbol's score scales with its weight). */
export function reweigh(m: ScoredMessage, weights: Weights, scanned: Weights): number {
  return rescore(m, Object.fromEntries(Object.entries(weights).map(([s, w]) => [s, w / scanned[s]!])));
}

const thresholdsAt = (q: number): SpamThresholds => ({ ...DEFAULT_SPAM_POLICY, quarantineScore: q, addHeaderScore: Math.min(q, DEFAULT_SPAM_POLICY.addHeaderScore), rejectScore: Math.max(q + 0.1, DEFAULT_SPAM_POLICY.rejectScore) });

/**
 * Every (weights, threshold) whose easy-ham false positives stay within `budget` (a fraction), at
 * the threshold and 0.1 below it (rule scores are round numbers: many messages sit exactly on
 * sums, so no ham may sit just under a threshold either). Best first: most spam caught, then
 * fewest easy-ham and hard-ham false positives.
 */
export function searchGrid(results: readonly ScoredMessage[], grid: Grid, scanned: Weights, budget: number): GridRow[] {
  const rows: GridRow[] = [];
  for (const weights of weightCombinations(grid.weights)) {
    const scored = results.map((m) => ({ ...m, score: reweigh(m, weights, scanned) }));
    for (const q of grid.thresholds) {
      const r = rates(scored, thresholdsAt(q));
      const margin = rates(scored, thresholdsAt(q - 0.1));
      if (r.easyHam.flagged > budget * r.easyHam.total || margin.easyHam.flagged > budget * margin.easyHam.total) continue;
      rows.push({ weights, q, caught: r.spam.caught, spamTotal: r.spam.total, easy: r.easyHam.flagged, easyTotal: r.easyHam.total, hard: r.hardHam.flagged, hardTotal: r.hardHam.total });
    }
  }
  return rows.sort((a, b) => b.caught - a.caught || a.easy - b.easy || a.hard - b.hard || b.q - a.q);
}

/**
 * Is the search's choice worth its figure? Chooses on one fold's scores, then counts what that
 * choice catches and flags on the other fold, both ways round. A choice that only fits the
 * messages it was chosen on shows here as fewer spam caught or more ham flagged.
 */
export function nestedCheck(folds: readonly [readonly ScoredMessage[], readonly ScoredMessage[]], grid: Grid, scanned: Weights, budget: number) {
  return ([0, 1] as const).map((i) => {
    const best = searchGrid(folds[i], grid, scanned, budget)[0];
    if (!best) return { chosenOn: i, choice: null, other: null };
    const other = folds[1 - i]!.map((m) => ({ ...m, score: reweigh(m, best.weights, scanned) }));
    return { chosenOn: i, choice: best, other: rates(other, thresholdsAt(best.q)) };
  });
}
