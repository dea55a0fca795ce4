"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Empty, Typography } from "antd";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { TLoginLogStats } from "@/server/auth/login-log/login-log-stats";

const SUCCESS_COLOUR = "#52c41a";
const FAILURE_COLOUR = "#ff4d4f";

/** Successes and failures per day for the last 30 days, stacked: a spike of red is an attack. */
export function LoginLogChart({ stats }: { stats: TLoginLogStats }) {
  const t = useTranslations("loginLog.chart");
  const format = useFormatter();
  const total = stats.days.reduce((n, d) => n + d.successes + d.failures, 0);
  // "2026-11-27" as a short local date; noon UTC keeps it on that day in any zone.
  const label = (day: string) => format.dateTime(new Date(`${day}T12:00:00Z`), { month: "short", day: "numeric", timeZone: "UTC" });
  return (
    <figure style={{ margin: 0 }} aria-label={t("title")} data-testid="login-log-chart">
      <Typography.Text strong>{t("title")}</Typography.Text>{" "}
      <Typography.Text type="secondary">{t("zone", { zone: stats.timeZone })}</Typography.Text>
      {total === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("empty")} />
      ) : (
        <ResponsiveContainer width="100%" height={220}>
          <BarChart data={stats.days} margin={{ top: 12, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="day" tickFormatter={label} minTickGap={16} tick={{ fontSize: 11 }} />
            <YAxis allowDecimals={false} width={40} />
            <Tooltip labelFormatter={(day) => label(String(day))} />
            <Legend />
            <Bar dataKey="successes" name={t("successes")} stackId="d" fill={SUCCESS_COLOUR} isAnimationActive={false} />
            <Bar dataKey="failures" name={t("failures")} stackId="d" fill={FAILURE_COLOUR} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      )}
    </figure>
  );
}
