import { env } from "@/server/shared/env";
import { rspamdLearn } from "@/server/mail/filter/rspamd/rspamd-client";
import { rspamdFuzzy } from "@/server/mail/filter/rspamd/rspamd-fuzzy";
import { spamdTell } from "@/server/mail/filter/spamassassin/spamd-client";
import { mapBounded, readCorpusMessage, type CorpusEntry } from "./corpus";
import { forgetSpamAssassinBayes, spamAssassinLearns } from "./spamassassin-bayes";

// Learning corpus messages into the filter: every message into rspamd's Bayes (through its
// controller) and SpamAssassin's (through spamd), and every spam message's fuzzy hashes into the
// platform's fuzzy storage. Shared by `npm run spam:train`, `npm run bench:spam` and the tuning
// script.

/** Bayes stays silent below this many learns of each class (classifier-bayes.conf min_learns). */
export const MIN_LEARNS = 200;

export type BayesLearns = { spam: number; ham: number; fuzzyHashes: number; spamAssassin: { spam: number; ham: number } };

/** Learns per class (the statfiles' revisions) and stored fuzzy hashes, from the controller's /stat. */
export async function bayesLearns(opts: { url?: string; password?: string } = {}): Promise<BayesLearns> {
  const e = env();
  const url = new URL("stat", (opts.url ?? e.RSPAMD_CONTROLLER_URL).replace(/\/?$/, "/"));
  let res: Response;
  try {
    res = await fetch(url, { headers: { Password: opts.password ?? e.RSPAMD_PASSWORD }, signal: AbortSignal.timeout(5000) });
  } catch (cause) {
    throw new Error(`rspamd's controller does not answer at ${url.origin} (run: bash scripts/services/rspamd.sh)`, { cause });
  }
  if (!res.ok) throw new Error(`rspamd's controller answered ${res.status} to /stat: ${(await res.text()).slice(0, 200)}`);
  const stat = (await res.json()) as { statfiles?: { symbol?: string; revision?: number }[]; fuzzy_hashes?: Record<string, number> };
  const learns: BayesLearns = { spam: 0, ham: 0, fuzzyHashes: stat.fuzzy_hashes?.local ?? 0, spamAssassin: await spamAssassinLearns() };
  for (const f of stat.statfiles ?? []) {
    if (f.symbol === "BAYES_SPAM") learns.spam += f.revision ?? 0;
    if (f.symbol === "BAYES_HAM") learns.ham += f.revision ?? 0;
  }
  return learns;
}

/** Both Bayes have enough of each class (SpamAssassin's, too, ignores its Bayes below 200), and the corpus's spam has been hashed. */
export function isTrained(l: BayesLearns): boolean {
  const enough = (c: { spam: number; ham: number }) => c.spam >= MIN_LEARNS && c.ham >= MIN_LEARNS;
  return enough(l) && enough(l.spamAssassin) && l.fuzzyHashes > 0;
}

export type TrainSummary = {
  learned: { spam: number; ham: number };
  already: number;
  hashed: number;
  spamAssassin: { learned: number; already: number };
  failed: number;
  seconds: number;
  failures: string[];
};

/**
 * Learns every entry as its group's kind into both Bayes, and hashes every spam entry into the
 * fuzzy storage, `concurrency` at a time, reporting progress. The fuzzy storage writes its batch a few
 * seconds later: waitForFuzzySync() before scanning what was just learned.
 */
export async function trainBayes(
  entries: readonly CorpusEntry[],
  opts: { concurrency?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<TrainSummary> {
  const started = performance.now();
  const summary: TrainSummary = { learned: { spam: 0, ham: 0 }, already: 0, hashed: 0, spamAssassin: { learned: 0, already: 0 }, failed: 0, seconds: 0, failures: [] };
  let done = 0;
  // One at a time by default: rspamd records a learn just after answering, so two copies of a
  // message learned at once are both learned, and Bayes then differs from run to run.
  await mapBounded(entries, opts.concurrency ?? 1, async (entry) => {
    const msg = await readCorpusMessage(entry);
    try {
      const r = await rspamdLearn(entry.kind, msg.bytes, { timeoutMs: 30_000 });
      if (r.learned) summary.learned[entry.kind]++;
      else summary.already++;
      if (entry.kind === "spam" && (await rspamdFuzzy("add", msg.bytes, { timeoutMs: 30_000 })).stored) summary.hashed++;
      // spamd learns one message at a time whatever the concurrency (its Bayes takes a lock).
      summary.spamAssassin[(await spamdTell(entry.kind, msg.bytes)).learned ? "learned" : "already"]++;
    } catch (e) {
      summary.failed++;
      if (summary.failures.length < 5) summary.failures.push(`${entry.path}: ${(e as Error).message}`);
    }
    done++;
    if (done % 250 === 0 || done === entries.length) opts.onProgress?.(done, entries.length);
  });
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

/** worker-fuzzy.inc `sync`, plus a margin: how long until hashes just added match. */
const FUZZY_SYNC_MS = 6_000;
export const waitForFuzzySync = () => new Promise((r) => setTimeout(r, FUZZY_SYNC_MS));

/** Where classifier-bayes.conf keeps Bayes and worker-fuzzy.inc the fuzzy hashes (nothing else). */
export const BAYES_REDIS_URL = "redis://127.0.0.1:6379/1";

/** Forgets everything the filter learned (tuning only): FLUSHDB on its own Redis database, and SpamAssassin's Bayes. */
export async function forgetBayes(): Promise<void> {
  await forgetSpamAssassinBayes();
  const { Redis } = await import("ioredis");
  const r = new Redis(BAYES_REDIS_URL, { maxRetriesPerRequest: 1, connectTimeout: 2000 });
  try {
    await r.flushdb();
  } finally {
    r.disconnect();
  }
}
