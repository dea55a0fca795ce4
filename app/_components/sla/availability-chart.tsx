"use client";

import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { MinuteRun } from "@/server/sla/close/month-evidence";
import { minutesPerDay } from "./sla-figures";
import { BREACHED_COLOUR } from "./verdict-tag";

/** Failure minutes per day of the month, from the month's interruptions, in the reader's zone. */
export function AvailabilityChart({ month, interruptions }: { month: string; interruptions: MinuteRun[] }) {
  const t = useTranslations("sla.charts");
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const data = minutesPerDay(interruptions, month, zone);
  return (
    <figure style={{ margin: 0 }} aria-label={t("availability")}>
      <ResponsiveContainer width="100%" height={220}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="day" interval="preserveStartEnd" minTickGap={8} />
          <YAxis width={40} allowDecimals={false} domain={[0, (max: number) => Math.max(max, 5)]} />
          <Tooltip labelFormatter={(day) => `${month}-${String(day).padStart(2, "0")}`} formatter={(v) => [v, t("minutes")]} />
          <Bar dataKey="minutes" name={t("minutes")} fill={BREACHED_COLOUR} radius={[3, 3, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
