import { mkdir, readFile, writeFile } from "node:fs/promises";
import { DEFAULT_SPAM_POLICY } from "@/server/mail/filter/spam-policy-rules";
import { corpusHalves, mapBounded, readCorpusMessage, type CorpusEntry } from "./corpus";
import { pct, rates, type ScoredMessage } from "./evaluate";
import { scanCorpus } from "./scan-corpus";
import { splitForTuning } from "./split-corpus";
import { nestedCheck, searchGrid, type Grid, type GridRow } from "./tune-grid";
import { forgetBayes, trainBayes, waitForFuzzySync } from "./train-bayes";

// node --import tsx scripts/spam/tune.ts [--reuse]
// Chooses the BAYES_SPAM and SPAMD weights and the quarantine threshold INSIDE the training half
// (docs/spam.md), by two-fold cross-validation: split the training half in two (splitForTuning);
// forget Bayes, learn fold 1, scan fold 2; forget, learn fold 2, scan fold 1. Every training
// message then has a score from a Bayes that never saw it. The grid search picks the weights
// (BAYES_SPAM, SPAMD) and the quarantine threshold that catch the most spam with easy-ham false
// positives ≤ 0.1 %, and checks that choice fold against fold. Finally forgets Bayes and learns
// the whole training half, as npm run spam:train does. The held-out half is never read.
// --reuse re-analyses data/spam-tuning.json without scanning.

const OUT = "data/spam-tuning.json";
const FP_BUDGET = 0.001;
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

async function tuningFolds(): Promise<{ train: CorpusEntry[]; first: CorpusEntry[]; second: CorpusEntry[] }> {
  const { train } = await corpusHalves();
  const inFirst = new Set(splitForTuning(train.map((e) => e.path)).train);
  return { train, first: train.filter((e) => inFirst.has(e.path)), second: train.filter((e) => !inFirst.has(e.path)) };
}

async function scanTrainingHalf(): Promise<ScoredMessage[]> {
  const { train, first, second } = await tuningFolds();
  const results = [...(await crossFold(first, second)), ...(await crossFold(second, first))];
  await mkdir("data", { recursive: true });
  await writeFile(OUT, JSON.stringify(results));
  console.log(`[tune] relearning the whole training half`);
  await forgetBayes();
  await pause();
  await trainBayes(train);
  return results;
}

// The weights the scan ran with (config/rspamd/local.d/statistics_group.conf and
// external_services_group.conf): a symbol's score scales with its weight.
const SCANNED = { BAYES_SPAM: 8, SPAMD: 2 };
const GRID: Grid = {
  weights: { BAYES_SPAM: [5.1, 6, 7, 8, 9, 10], SPAMD: [1, 1.25, 1.5, 1.75, 2, 2.25, 2.5, 3] }, // 5.1 is rspamd's default
  thresholds: Array.from({ length: 201 }, (_, i) => 5 + i / 10),
};
const show = (r: GridRow) =>
  `${Object.entries(r.weights).map(([s, w]) => `${s} ${w}`).join(", ")}, quarantine ≥ ${r.q.toFixed(1)}: spam ${pct(r.caught, r.spamTotal)} (${r.caught}/${r.spamTotal}), easy-ham FP ${r.easy}/${r.easyTotal}, hard-ham FP ${pct(r.hard, r.hardTotal)}`;

function analyse(results: ScoredMessage[], folds: [ScoredMessage[], ScoredMessage[]]) {
  const base = rates(results, DEFAULT_SPAM_POLICY);
  console.log(
    `[tune] as configured (quarantine ≥ ${DEFAULT_SPAM_POLICY.quarantineScore}): spam ${pct(base.spam.caught, base.spam.total)}, ` +
      `easy-ham FP ${pct(base.easyHam.flagged, base.easyHam.total)} (${base.easyHam.flagged}/${base.easyHam.total}), hard-ham FP ${pct(base.hardHam.flagged, base.hardHam.total)}`,
  );
  console.log(`[tune] best weights and thresholds with easy-ham FP ≤ ${100 * FP_BUDGET} %, also 0.1 below the threshold:`);
  for (const r of searchGrid(results, GRID, SCANNED, FP_BUDGET).slice(0, 12)) console.log(`  ${show(r)}`);
  console.log(`[tune] chosen on one fold, counted on the other (does the choice generalise?):`);
  for (const n of nestedCheck(folds, GRID, SCANNED, FP_BUDGET)) {
    if (!n.choice || !n.other) console.log(`  fold ${n.chosenOn + 1}: nothing within the budget`);
    else console.log(`  fold ${n.chosenOn + 1} chose ${show(n.choice)}\n    → on fold ${2 - n.chosenOn}: spam ${pct(n.other.spam.caught, n.other.spam.total)}, easy-ham FP ${n.other.easyHam.flagged}/${n.other.easyHam.total}`);
  }
  const hamHits = new Map<string, number>();
  for (const m of results) if (m.kind === "ham" && m.group !== "hard-ham-1") for (const [s, v] of Object.entries(m.symbols)) if (v > 0) hamHits.set(s, (hamHits.get(s) ?? 0) + 1);
  console.log("[tune] positive symbols most often on easy ham:", [...hamHits].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([s, n]) => `${s} ${n}`).join(", "));
}

async function main() {
  const results = process.argv.includes("--reuse") ? (JSON.parse(await readFile(OUT, "utf8")) as ScoredMessage[]) : await scanTrainingHalf();
  const inFirst = new Set((await tuningFolds()).first.map((e) => e.path));
  analyse(results, [results.filter((m) => inFirst.has(m.path)), results.filter((m) => !inFirst.has(m.path))]);
}

main().catch((e: unknown) => {
  console.error(`[tune] ${(e as Error).message}`);
  process.exitCode = 1;
});
