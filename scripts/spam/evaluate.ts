import { spamAction, type SpamThresholds } from "@/server/mail/filter/spam-policy-rules";
import type { CorpusGroup, CorpusKind } from "./split-corpus";

// Pure arithmetic over scan results, shared by bench:spam and the tuning script: which
// messages a policy catches, and latency percentiles.

export type ScoredMessage = { path: string; group: CorpusGroup; kind: CorpusKind; score: number; symbols: Record<string, number>; ms: number };

export type Rates = {
  spam: { caught: number; total: number };
  easyHam: { flagged: number; total: number };
  hardHam: { flagged: number; total: number };
};

/** "Caught"/"flagged" = the policy quarantines or rejects the message. */
export function caughtBy(score: number, t: SpamThresholds): boolean {
  const a = spamAction(score, t);
  return a === "quarantine" || a === "reject";
}

export function rates(results: readonly Pick<ScoredMessage, "group" | "kind" | "score">[], t: SpamThresholds): Rates {
  const r: Rates = { spam: { caught: 0, total: 0 }, easyHam: { flagged: 0, total: 0 }, hardHam: { flagged: 0, total: 0 } };
  for (const m of results) {
    const hit = caughtBy(m.score, t) ? 1 : 0;
    if (m.kind === "spam") {
      r.spam.total++;
      r.spam.caught += hit;
    } else if (m.group === "hard-ham-1") {
      r.hardHam.total++;
      r.hardHam.flagged += hit;
    } else {
      r.easyHam.total++;
      r.easyHam.flagged += hit;
    }
  }
  return r;
}

export function pct(part: number, total: number): string {
  // Three decimals from 1,000 messages on: 2 of 1,950 is 0.103 %, and "0.10 %" would hide that
  // it misses a 0.1 % goal.
  return total === 0 ? "n/a" : `${((100 * part) / total).toFixed(total >= 1000 ? 3 : 2)} %`;
}

/** Nearest-rank percentile (p in 0..100) of an unsorted list; NaN for an empty one. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

/** Score with some symbols' weights multiplied (tuning): rspamd's score is the sum of symbol scores. */
export function rescore(m: Pick<ScoredMessage, "score" | "symbols">, factors: Readonly<Record<string, number>>): number {
  let s = m.score;
  for (const [name, f] of Object.entries(factors)) {
    const v = m.symbols[name];
    if (v !== undefined) s += v * (f - 1);
  }
  return s;
}
