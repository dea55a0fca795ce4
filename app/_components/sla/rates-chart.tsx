"use client";

import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Cell, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { RateFigure } from "@/server/sla/rules/rates";
import { formatPpm } from "@/server/sla/rules/format";
import { MET_COLOUR, verdictColour } from "./verdict-tag";

export type RateName = "spamCaught" | "virusFound" | "virusRemoved";

/**
 * The "at least" rates (spam filtered, viruses found and removed) against their promises, in %.
 * False positives (≤ 0.01 %) would be an invisible sliver on the same axis: their card says it.
 */
export function RatesChart({ rates }: { rates: { name: RateName; figure: RateFigure }[] }) {
  const t = useTranslations("sla");
  const data = rates.map(({ name, figure }) => ({ name: t(`promises.${name}`), measured: figure.ppm / 10_000, target: figure.targetPpm / 10_000, met: figure.met }));
  const floor = Math.floor(Math.min(90, ...data.map((d) => d.measured)) / 10) * 10;
  return (
    <figure style={{ margin: 0 }} aria-label={t("charts.rates")}>
      <ResponsiveContainer width="100%" height={220}>
        <BarChart data={data} layout="vertical" margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" domain={[floor, 100]} tickFormatter={(v: number) => `${v}%`} />
          <YAxis type="category" dataKey="name" width={96} tick={{ fontSize: 11 }} />
          <Tooltip formatter={(v) => `${formatPpm(Math.round(Number(v) * 10_000), 2)} %`} />
          <Legend />
          <Bar dataKey="measured" name={t("charts.measured")} fill={MET_COLOUR} isAnimationActive={false}>
            {data.map((d) => (
              <Cell key={d.name} fill={verdictColour(d.met)} />
            ))}
          </Bar>
          <Bar dataKey="target" name={t("charts.target")} fill="#bfbfbf" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
