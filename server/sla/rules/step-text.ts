// The rules write their computation steps once, in English, and the month close stores them so:
// a stored month must read the same in a year whatever the pages' wording then. The customer's
// and the operators' pages show them in the reader's language through this table, which covers
// every phrase the rules write (step-text.test.ts runs the rules and fails on any English left).
// Numbers, units (ms, s, min), percentages, ¥ amounts and formulae pass through unchanged.

const LABELS: Record<string, string> = { spam: "垃圾邮件", ham: "正常邮件", virus: "病毒" };

const ZH: [RegExp, string][] = [
  [/^measured minutes: (\d+) of (\d+) \((.+)\)$/, "有测量的分钟数：$1 / $2（$3）"],
  [/^measured minutes: (\d+)$/, "有测量的分钟数：$1"],
  [/^warning: (\d+) minutes were not measured; they count neither as failures nor as uptime$/, "注意：有 $1 分钟未被测量，既不计为故障，也不计为正常"],
  [/^failure minutes \(availability ∪ connectivity ∪ power\): (.+)$/, "故障分钟数（无故障率 ∪ 网络连通率 ∪ 电力）：$1"],
  [/^failure minutes: (.+)$/, "故障分钟数：$1"],
  [/^failure time: (.+)$/, "故障时间：$1"],
  [/^allowed: (.+) \((.+)\)$/, "允许：$1（$2）"],
  [/^no evidence: no samples this month$/, "无证据：本月没有样本"],
  [/^no evidence: no messages this month$/, "无证据：本月没有可计量的邮件"],
  [/^no evidence: no judged samples$/, "无证据：没有已判定的样本"],
  [/^met: (.+)$/, "达标：$1"],
  [/^breached: (.+)$/, "违约：$1"],
  [/^messages: (\d+)$/, "邮件数：$1"],
  [/^mean: (.+) \(allowed (.+)\): (met|breached)$/, "平均：$1（允许 $2）：$3"],
  [/^slowest: (.+) \(allowed (.+)\): (met|breached)$/, "最慢：$1（允许 $2）：$3"],
  [/^messages over the limit: (\d+)$/, "超过上限的邮件：$1"],
  [/^(spam|ham|virus) samples: (\d+), without a verdict \(deferred or error, not counted\): (\d+)$/, "$1样本：$2，无判定（延迟或出错，不计）：$3"],
  [/^spam caught: (.+)$/, "垃圾邮件过滤率：$1"],
  [/^false positives: (.+)$/, "垃圾邮件误判率：$1"],
  [/^viruses found: (.+)$/, "病毒查出率：$1"],
  [/^viruses removed: (.+)$/, "病毒杀除率：$1"],
  [/^promised: (.+)$/, "承诺：$1"],
  [/^credit: (.+)$/, "补偿：$1"],
  [/^value: (.+)$/, "价值：$1"],
  [/^cap \(fees paid for the month\): (.+)$/, "上限（当月已付费用）：$1"],
  [/^proposed credit: (.+?)( \(capped\))?$/, "提议补偿：$1$2"],
  [/^met$/, "达标"],
  [/^breached$/, "违约"],
];

// Words inside a step's values (a verdict after a colon, a capped amount).
const WORDS: [RegExp, string][] = [
  [/\bmet\b/g, "达标"],
  [/\bbreached\b/g, "违约"],
  [/ \(capped\)/g, "（已封顶）"],
];

/** A step in the reader's language: English as written, zh-CN through the table (unknown steps unchanged). */
export function stepIn(step: string, locale: "en" | "zh-CN"): string {
  if (locale === "en") return step;
  const rule = ZH.find(([re]) => re.test(step));
  if (!rule) return step;
  const label = /^(spam|ham|virus) samples/.exec(step)?.[1];
  let text = step.replace(rule[0], rule[1]);
  for (const [re, zh] of WORDS) text = text.replace(re, zh);
  return label ? `${LABELS[label]}${text.slice(label.length)}` : text;
}
