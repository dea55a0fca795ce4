import { corpusHalves } from "./corpus";
import { spamAssassinLearns } from "./spamassassin-bayes";
import { bayesLearns, isTrained, MIN_LEARNS, trainBayes } from "./train-bayes";

// npm run spam:train [-- --if-untrained] [--concurrency N] (default 1: the same Bayes every run)
// Learns the TRAINING half of the SpamAssassin corpus (scripts/spam/split-corpus.ts) into
// rspamd's Bayes and SpamAssassin's: ham groups as ham, spam groups as spam. The held-out half is
// never learned. --if-untrained does nothing when both Bayes already have ≥ 200 learns of each
// class; npm start and npm test call it that way, because Redis here keeps nothing on disk.

function parseArgs(argv: string[]): { ifUntrained: boolean; concurrency: number } {
  let ifUntrained = false;
  let concurrency = 1;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--if-untrained") ifUntrained = true;
    else if (a === "--concurrency") {
      concurrency = Number(argv[++i]);
      if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) throw new Error("--concurrency expects a whole number from 1 to 64");
    } else throw new Error(`unknown argument ${JSON.stringify(a)} (expected --if-untrained, --concurrency N)`);
  }
  return { ifUntrained, concurrency };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const before = await bayesLearns();
  if (args.ifUntrained && isTrained(before)) {
    console.log(
      `[spam:train] already trained (rspamd ${before.spam} spam, ${before.ham} ham learns; SpamAssassin ${before.spamAssassin.spam} spam, ${before.spamAssassin.ham} ham; ≥ ${MIN_LEARNS} each; ${before.fuzzyHashes} fuzzy hashes); nothing to do`,
    );
    return;
  }
  const { train } = await corpusHalves();
  const spam = train.filter((e) => e.kind === "spam").length;
  console.log(`[spam:train] learning the training half: ${train.length} messages (${spam} spam, ${train.length - spam} ham), concurrency ${args.concurrency}`);
  const s = await trainBayes(train, {
    concurrency: args.concurrency,
    onProgress: (done, total) => console.log(`[spam:train] ${done}/${total}`),
  });
  // /stat refreshes its counts from Redis about once a minute: add what this run learned.
  const after = { spam: before.spam + s.learned.spam, ham: before.ham + s.learned.ham, fuzzyHashes: before.fuzzyHashes + s.hashed, spamAssassin: await spamAssassinLearns() };
  console.log(
    `[spam:train] done in ${s.seconds.toFixed(1)} s: ${s.learned.spam} spam and ${s.learned.ham} ham learned, ` +
      `${s.already} already known or declined (too few words), ${s.hashed} spam messages hashed, ${s.failed} failed; ` +
      `rspamd's Bayes has about ${after.spam} spam and ${after.ham} ham learns (the controller's counts lag by up to a minute, so right after a reset this overstates); ` +
      `SpamAssassin's has ${after.spamAssassin.spam} spam and ${after.spamAssassin.ham} ham (${s.spamAssassin.learned} learned now, ${s.spamAssassin.already} already)`,
  );
  for (const f of s.failures) console.error(`[spam:train] failed: ${f}`);
  if (s.failed > 0 || !isTrained(after)) {
    console.error(`[spam:train] training incomplete (need ≥ ${MIN_LEARNS} learns of each class)`);
    process.exitCode = 1;
  }
}

main().catch((e: unknown) => {
  console.error(`[spam:train] ${(e as Error).message}`);
  process.exitCode = 1;
});
