"use client";

import { useTranslations } from "next-intl";
import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { MinuteRun } from "@/server/sla/close/month-evidence";
import { outageMinutes } from "./sla-figures";
import { useSlaText } from "./use-sla-text";
import { BREACHED_COLOUR, MET_COLOUR } from "./verdict-tag";

/** One outage minute by minute, with a quarter of an hour either side: failed minutes red. */
export function OutageChart({ run, runs }: { run: MinuteRun; runs: MinuteRun[] }) {
  const t = useTranslations("sla.breaches");
  const text = useSlaText();
  const data = outageMinutes(run, runs);
  return (
    <figure style={{ margin: 0 }} aria-label={t("outage", { from: text.time(run.from), to: text.clock(Date.parse(run.to)), minutes: run.minutes })}>
      <ResponsiveContainer width="100%" height={120}>
        <BarChart data={data} margin={{ top: 4, right: 8, bottom: 0, left: 0 }} barCategoryGap={1}>
          <XAxis dataKey="at" tickFormatter={(at: number) => text.clock(at)} minTickGap={24} tick={{ fontSize: 11 }} />
          <YAxis hide domain={[0, 1]} />
          <Tooltip labelFormatter={(at) => text.clock(Number(at))} />
          <Bar dataKey="failed" name={t("failed")} stackId="m" fill={BREACHED_COLOUR} isAnimationActive={false} />
          <Bar dataKey="up" name={t("ok")} stackId="m" fill={MET_COLOUR} fillOpacity={0.35} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
