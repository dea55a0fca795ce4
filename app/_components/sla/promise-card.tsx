"use client";

import { useTranslations } from "next-intl";
import { Card, Flex, Statistic, Typography } from "antd";
import type { MinutesFigure } from "@/server/sla/rules/availability";
import type { PromiseName } from "@/server/sla/rules/evaluate-month";
import type { LatencyFigure } from "@/server/sla/rules/latency";
import type { RateFigure } from "@/server/sla/rules/rates";
import { kindOf, type ReportFigures } from "./sla-figures";
import { StepsCollapse } from "./steps-collapse";
import { useSlaText } from "./use-sla-text";
import { verdictColour, VerdictTag } from "./verdict-tag";

type Figure = MinutesFigure | LatencyFigure | RateFigure;

const LATENCY_TARGETS = { sendLatency: ["sendMeanMs", "sendMaxMs"], receiveLatency: ["receiveMeanMs", "receiveMaxMs"] } as const;

/** One promise of the month: the figure against its target, met / breached / no evidence, and how it was computed. */
export function PromiseCard({ name, figure, targets }: { name: PromiseName; figure: Figure; targets: ReportFigures["targets"] }) {
  const t = useTranslations("sla");
  const text = useSlaText();
  const { value, lines } = describe();

  function describe(): { value: string; lines: string[] } {
    const f = figure;
    if (f.met === null) return { value: "—", lines: [t("card.noEvidence")] };
    switch (kindOf(f)) {
      case "minutes": {
        const m = f as MinutesFigure;
        return { value: text.percent(m.ratioPpm), lines: [t("card.target", { target: text.target(m.targetPpm) }), t("card.failure", { failure: text.duration(m.failureSeconds), allowed: text.duration(m.allowanceSec) })] };
      }
      case "latency": {
        const l = f as LatencyFigure;
        const keys = LATENCY_TARGETS[name as keyof typeof LATENCY_TARGETS];
        const mean = keys && targets[keys[0]];
        const max = keys && targets[keys[1]];
        return {
          value: text.ms(l.meanMs),
          lines: [
            ...(mean !== undefined && max !== undefined ? [t("card.latencyTarget", { mean: text.ms(mean), max: text.ms(max) })] : []),
            t("card.latency", { mean: text.ms(l.meanMs), max: text.ms(l.maxMs) }),
            t("card.messages", { count: l.messages }),
          ],
        };
      }
      case "rate": {
        const r = f as RateFigure;
        const bound = name === "falsePositive" ? "atMost" : "atLeast";
        return { value: text.percent(r.ppm, name === "falsePositive" ? 4 : 2), lines: [t(`card.${bound}`, { target: text.target(r.targetPpm) }), t("card.rate", { numerator: r.numerator, denominator: r.denominator })] };
      }
    }
  }

  return (
    <Card size="small" style={{ height: "100%", borderTop: `3px solid ${verdictColour(figure.met)}` }} aria-label={t(`promises.${name}`)}>
      <Flex justify="space-between" align="start" gap={8}>
        <Statistic title={t(`promises.${name}`)} value={value} styles={{ content: { color: verdictColour(figure.met), fontSize: 22 } }} />
        <VerdictTag met={figure.met} />
      </Flex>
      {lines.map((line) => (
        <Typography.Text key={line} type="secondary" style={{ display: "block", fontSize: 12 }}>
          {line}
        </Typography.Text>
      ))}
      <StepsCollapse steps={figure.steps} />
    </Card>
  );
}
