import { assertCount, PPM } from "./constants";
import { formatPpm, percentText } from "./format";

/** A labelled probe sample (spam, ham from the held-out corpus; EICAR-style viruses) and its verdict. */
export type LabelledResult = {
  label: "spam" | "ham" | "virus";
  verdict: "delivered" | "header" | "quarantined" | "rejected" | "deferred" | "error";
};

export type RateFigure = {
  numerator: number;
  denominator: number;
  /** numerator / denominator in ppm, rounded towards the customer (down for "at least", up for "at most"). */
  ppm: number;
  targetPpm: number;
  met: boolean | null;
  steps: string[];
};

export type RateTargets = { spamCaughtPpm: number; falsePositivePpm: number; virusFoundPpm: number; virusRemovedPpm: number };

type Verdict = LabelledResult["verdict"];

// Deferred and error samples got no verdict: they are evidence neither way, so they leave the
// denominator (and are counted in the steps, so a month of errors shows as such).
const NO_VERDICT: readonly Verdict[] = ["deferred", "error"];
// "Judged spam" is the same set in both directions: a header tag is the filter saying "spam", the
// customer sees it tagged (and their rules file it away). Counting a tag as a catch for spam but not
// as a mistake for ham would flatter both figures.
const JUDGED_SPAM: readonly Verdict[] = ["header", "quarantined", "rejected"];
// 查出 (found) is the scanner recognising the virus; a tag that lets it through still recognised it.
const FOUND: readonly Verdict[] = ["header", "quarantined", "rejected"];
// 杀除 (removed): the virus never reached the mailbox.
const REMOVED: readonly Verdict[] = ["quarantined", "rejected"];

type Direction = "atLeast" | "atMost";

function rate(name: string, results: readonly LabelledResult[], label: LabelledResult["label"], counts: readonly Verdict[], targetPpm: number, direction: Direction): RateFigure {
  assertCount(targetPpm, `${name} target`);
  const labelled = results.filter((r) => r.label === label);
  const judged = labelled.filter((r) => !NO_VERDICT.includes(r.verdict));
  const numerator = judged.filter((r) => counts.includes(r.verdict)).length;
  const denominator = judged.length;
  const steps = [`${label} samples: ${labelled.length}, without a verdict (deferred or error, not counted): ${labelled.length - denominator}`];
  if (denominator === 0) return { numerator, denominator, ppm: 0, targetPpm, met: null, steps: [...steps, "no evidence: no judged samples"] };
  const exact = numerator * PPM;
  const ppm = direction === "atLeast" ? Math.floor(exact / denominator) : Math.ceil(exact / denominator);
  // Compared on integers: numerator / denominator against target / 1e6, cross-multiplied.
  const met = direction === "atLeast" ? exact >= targetPpm * denominator : exact <= targetPpm * denominator;
  const sign = direction === "atLeast" ? "≥" : "≤";
  steps.push(
    `${name}: ${numerator} / ${denominator} = ${formatPpm(ppm, 4)} %`,
    `promised: ${sign} ${percentText(targetPpm)}`,
    met ? "met" : "breached",
  );
  return { numerator, denominator, ppm, targetPpm, met, steps };
}

/**
 * The filtering promises from labelled samples (seed 002 appendix B §6; Tencent's false positives):
 * - spam caught: spam judged spam (header, quarantined, rejected) / spam with a verdict, ≥ target;
 * - false positives: ham judged spam (the same verdicts) / ham with a verdict, ≤ target;
 * - virus found: viruses tagged, quarantined or rejected / viruses with a verdict, ≥ target;
 * - virus removed: viruses quarantined or rejected (not in the mailbox) / viruses with a verdict, ≥ target.
 * No judged samples of a label: that promise has no evidence.
 */
export function judgeRates(results: readonly LabelledResult[], targets: RateTargets) {
  return {
    spamCaught: rate("spam caught", results, "spam", JUDGED_SPAM, targets.spamCaughtPpm, "atLeast"),
    falsePositive: rate("false positives", results, "ham", JUDGED_SPAM, targets.falsePositivePpm, "atMost"),
    virusFound: rate("viruses found", results, "virus", FOUND, targets.virusFoundPpm, "atLeast"),
    virusRemoved: rate("viruses removed", results, "virus", REMOVED, targets.virusRemovedPpm, "atLeast"),
  };
}
