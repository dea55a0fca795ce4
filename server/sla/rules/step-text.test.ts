import { describe, expect, it } from "vitest";
import { judgeMinutes } from "./availability";
import { proposeCredit } from "./credit";
import { addLatency, emptyLatencyDay, judgeLatency } from "./latency";
import { judgeRates, type LabelledResult } from "./rates";
import { stepIn } from "./step-text";

// Every step the rules write, in every branch, must read in Chinese: run them and look for
// English words left over (units and the ¥ sign are fine).
const UNITS = new Set(["ms", "min", "s"]);
const english = (text: string) => (text.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !UNITS.has(w));

function allSteps(): string[] {
  const minutes = [0, 44 * 60, 45 * 60, 265].flatMap((failureSeconds) =>
    [0, 44_000, 44_640].flatMap((measuredMinutes) => judgeMinutes({ failureSeconds, allowanceSec: 2_640, targetPpm: 999_000, measuredMinutes, monthMinutes: 44_640 }).steps),
  );
  const day = [500, 3_600_001].reduce(addLatency, emptyLatencyDay());
  const latency = [[], [day]].flatMap((days) => judgeLatency(days, { meanMs: 60_000, maxMs: 3_600_000 }).steps);
  const results: LabelledResult[] = [
    { label: "spam", verdict: "rejected" },
    { label: "spam", verdict: "deferred" },
    { label: "ham", verdict: "quarantined" },
    { label: "virus", verdict: "delivered" },
  ];
  const targets = { spamCaughtPpm: 960_000, falsePositivePpm: 100, virusFoundPpm: 999_000, virusRemovedPpm: 995_000 };
  const rates = [results, []].flatMap((r) => Object.values(judgeRates(r, targets)).flatMap((f) => f.steps));
  const credit = [30_000n, 10n].flatMap((fee) => proposeCredit({ failureMinutes: 50_000, monthFee: 30_000n, feesPaid: fee }).steps);
  return [...minutes, ...latency, ...rates, ...credit];
}

describe("steps in the reader's language", () => {
  it("leaves English as written", () => {
    expect(stepIn("failure minutes: 50", "en")).toBe("failure minutes: 50");
  });

  it("translates every step the rules write, keeping the figures", () => {
    const steps = allSteps();
    expect(steps.length).toBeGreaterThan(40);
    for (const step of steps) expect(english(stepIn(step, "zh-CN")), `${step} → ${stepIn(step, "zh-CN")}`).toEqual([]);
    expect(stepIn("measured minutes: 44000 of 44640 (98.57 %)", "zh-CN")).toBe("有测量的分钟数：44000 / 44640（98.57 %）");
    expect(stepIn("breached: 45 min > 44 min", "zh-CN")).toBe("违约：45 min > 44 min");
    expect(stepIn("spam samples: 2, without a verdict (deferred or error, not counted): 1", "zh-CN")).toBe("垃圾邮件样本：2，无判定（延迟或出错，不计）：1");
    expect(stepIn("proposed credit: ¥0.10 (capped)", "zh-CN")).toBe("提议补偿：¥0.10（已封顶）");
  });
});
