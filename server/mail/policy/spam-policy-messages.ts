import { say, type Localized } from "@/server/shared/errors";
import { spamPolicyProblems, type SpamPolicyProblem, type SpamThresholds } from "@/server/mail/filter/spam-policy-rules";

// Each problem of spamPolicyProblems as the field error a tenant admin reads next to the input:
// it names the bound or the threshold whose order it breaks. Pure: the settings card runs the
// same rules as the admin types, the use case runs them again before it writes.

export const THRESHOLD_LABELS: Record<keyof SpamThresholds, Localized> = {
  addHeaderScore: say("Mark as spam", "标记为垃圾邮件"),
  quarantineScore: say("Quarantine", "隔离"),
  rejectScore: say("Reject", "拒收"),
};

export function problemText(p: SpamPolicyProblem): Localized {
  switch (p.problem) {
    case "out_of_bounds":
      return say(
        `${THRESHOLD_LABELS[p.field].en} score must be between ${p.min} and ${p.max}`,
        `${THRESHOLD_LABELS[p.field]["zh-CN"]}分数须在 ${p.min} 到 ${p.max} 之间`,
      );
    case "below_add_header":
      return say(
        `Quarantine score must be at least the mark-as-spam score (${p.addHeaderScore})`,
        `隔离分数不能低于标记为垃圾邮件的分数（${p.addHeaderScore}）`,
      );
    case "not_above_quarantine":
      return say(`Reject score must be above the quarantine score (${p.quarantineScore})`, `拒收分数须高于隔离分数（${p.quarantineScore}）`);
  }
}

/** Scores are kept to two decimal places (rspamd prints two): more is a typo, not a setting. */
export function tooPrecise(value: number): boolean {
  return Math.abs(Math.round(value * 100) - value * 100) > 1e-6;
}

export const tooPreciseText = (field: keyof SpamThresholds): Localized =>
  say(`${THRESHOLD_LABELS[field].en} score may have at most two decimal places`, `${THRESHOLD_LABELS[field]["zh-CN"]}分数最多保留两位小数`);

const FIELDS: (keyof SpamThresholds)[] = ["addHeaderScore", "quarantineScore", "rejectScore"];

/** Every field error of the thresholds, bilingual, keyed by field; empty when they are valid. */
export function spamPolicyFieldErrors(input: SpamThresholds): Partial<Record<keyof SpamThresholds, Localized[]>> {
  const errors: Partial<Record<keyof SpamThresholds, Localized[]>> = {};
  for (const p of spamPolicyProblems(input)) (errors[p.field] ??= []).push(problemText(p));
  for (const f of FIELDS) if (Number.isFinite(input[f]) && tooPrecise(input[f])) (errors[f] ??= []).push(tooPreciseText(f));
  return errors;
}
