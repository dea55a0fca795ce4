import { mkdir, readFile, writeFile } from "node:fs/promises";
import { DEFAULT_SPAM_POLICY } from "@/server/mail/filter/spam-policy-rules";
import { corpusHalves, mapBounded, readCorpusMessage, type CorpusEntry } from "./corpus";
import { pct, rates, rescore, type ScoredMessage } from "./evaluate";
import { scanCorpus } from "./scan-corpus";
import { splitForTuning } from "./split-corpus";
import { forgetBayes, trainBayes, waitForFuzzySync } from "./train-bayes";

// node --import tsx scripts/spam/tune.ts [--reuse]
// Chooses the BAYES_SPAM weight and the quarantine threshold INSIDE the training half
// (docs/spam.md), by two-fold cross-validation: split the training half in two (splitForTuning);
// forget Bayes, learn fold 1, scan fold 2; forget, learn fold 2, scan fold 1. Every training
// message then has a score from a Bayes that never saw it. The grid search picks the most spam
// caught with easy-ham false positives ≤ 0.1 %. Finally forgets Bayes and learns the whole
// training half, as npm run spam:train does. The held-out half is never read.
// --reuse re-analyses data/spam-tuning.json without scanning.

const OUT = "data/spam-tuning.json";
const FP_BUDGET = 0.001;
const BAYES_WEIGHTS = [5.1, 5.5, 6, 6.5, 7, 7.5, 8, 9]; // 5.1 is rspamd's default
const pause = () => new Promise((r) => setTimeout(r, 1000));

async function crossFold(learn: CorpusEntry[], check: CorpusEntry[]): Promise<ScoredMessage[]> {
  console.log(`[tune] forgetting Bayes; learning ${learn.length}, then scanning ${check.length}`);
  await forgetBayes();
  await pause();
  const s = await trainBayes(learn);
  if (s.failed > 0) throw new Error(`learning failed: ${s.failures.join("; ")}`);
  await waitForFuzzySync();
  const messages = await mapBounded(check, 16, readCorpusMessage);
  return (await scanCorpus(messages, 4)).results;
}

async function scanTrainingHalf(): Promise<ScoredMessage[]> {
  const { train } = await corpusHalves();
  const folds = splitForTuning(train.map((e) => e.path));
  const inFirst = new Set(folds.train);
  const first = train.filter((e) => inFirst.has(e.path));
  const second = train.filter((e) => !inFirst.has(e.path));
  const results = [...(await crossFold(first, second)), ...(await crossFold(second, first))];
  await mkdir("data", { recursive: true });
  await writeFile(OUT, JSON.stringify(results));
  console.log(`[tune] relearning the whole training half`);
  await forgetBayes();
  await pause();
  await trainBayes(train);
  return results;
}

function analyse(results: ScoredMessage[]) {
  const base = rates(results, DEFAULT_SPAM_POLICY);
  console.log(
    `[tune] as configured (quarantine ≥ ${DEFAULT_SPAM_POLICY.quarantineScore}): spam ${pct(base.spam.caught, base.spam.total)}, ` +
      `easy-ham FP ${pct(base.easyHam.flagged, base.easyHam.total)} (${base.easyHam.flagged}/${base.easyHam.total}), hard-ham FP ${pct(base.hardHam.flagged, base.hardHam.total)}`,
  );
  type Row = { weight: number; q: number; caught: number; easy: number; easyTotal: number; hard: number; easyAtMargin: number };
  const rows: Row[] = [];
  // The weight the scan ran with: a confident BAYES_SPAM scores exactly its weight.
  const scanned = Math.max(...results.map((m) => m.symbols.BAYES_SPAM ?? 0));
  console.log(`[tune] scanned with BAYES_SPAM weight ${scanned}`);
  for (const weight of BAYES_WEIGHTS) {
    const rescored = results.map((m) => ({ ...m, score: rescore(m, { BAYES_SPAM: weight / scanned }) }));
    const at = (q: number) => rates(rescored, { ...DEFAULT_SPAM_POLICY, quarantineScore: q, addHeaderScore: Math.min(q, DEFAULT_SPAM_POLICY.addHeaderScore) });
    for (let q10 = 50; q10 <= 120; q10++) {
      const q = q10 / 10;
      const r = at(q);
      // Rule scores are discrete (1.0, 2.0, …): many messages sit exactly on sums. A threshold
      // must also keep the budget 0.1 below itself, so no ham sits just under it.
      const margin = at(q - 0.1);
      rows.push({ weight, q, caught: r.spam.caught / r.spam.total, easy: r.easyHam.flagged, easyTotal: r.easyHam.total, hard: r.hardHam.flagged / r.hardHam.total, easyAtMargin: margin.easyHam.flagged });
    }
  }
  const ok = rows
    .filter((r) => r.easy / r.easyTotal <= FP_BUDGET && r.easyAtMargin / r.easyTotal <= FP_BUDGET)
    .sort((a, b) => b.caught - a.caught || a.easy - b.easy || a.hard - b.hard || b.q - a.q);
  console.log(`[tune] best (BAYES_SPAM weight, quarantine ≥) with easy-ham FP ≤ ${100 * FP_BUDGET} %, also 0.1 below the threshold:`);
  for (const r of ok.slice(0, 12)) {
    console.log(`  weight ${r.weight} q ${r.q}: spam ${(100 * r.caught).toFixed(2)} %, easy-ham FP ${r.easy}/${r.easyTotal}, hard-ham FP ${(100 * r.hard).toFixed(2)} %`);
  }
  const hamHits = new Map<string, number>();
  for (const m of results) if (m.kind === "ham" && m.group !== "hard-ham-1") for (const [s, v] of Object.entries(m.symbols)) if (v > 0) hamHits.set(s, (hamHits.get(s) ?? 0) + 1);
  console.log("[tune] positive symbols most often on easy ham:", [...hamHits].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([s, n]) => `${s} ${n}`).join(", "));
}

async function main() {
  const results = process.argv.includes("--reuse") ? (JSON.parse(await readFile(OUT, "utf8")) as ScoredMessage[]) : await scanTrainingHalf();
  analyse(results);
}

main().catch((e: unknown) => {
  console.error(`[tune] ${(e as Error).message}`);
  process.exitCode = 1;
});
