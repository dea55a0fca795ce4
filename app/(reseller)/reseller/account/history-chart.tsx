"use client";

import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { AccountSummary } from "@/server/resellers/account/get-account-summary";
import { useDisplayFormat } from "@/app/_components/use-display-format";

const MIN_AXIS = 100_00; // ¥100: an empty year draws an axis of yuan, not of fractions of a fen

/** The last 12 months: what clients paid, the same at wholesale, and the margin. */
export function HistoryChart({ summary }: { summary: AccountSummary }) {
  const t = useTranslations("resellerAccount.chart");
  const { money } = useDisplayFormat();
  return (
    <figure style={{ margin: 0 }} aria-label={t("title")}>
      <ResponsiveContainer width="100%" height={280}>
        <BarChart data={summary.history} margin={{ top: 16, right: 24, bottom: 0, left: 24 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="month" />
          <YAxis width={100} domain={[0, (max: number) => Math.max(max, MIN_AXIS)]} tickFormatter={(fen: number) => money(fen, summary.currency)} />
          <Tooltip formatter={(value) => money(Number(value), summary.currency)} />
          <Legend />
          <Bar dataKey="clientPaid" name={t("clientPaid")} fill="#1f5fbf" radius={[4, 4, 0, 0]} isAnimationActive={false} />
          <Bar dataKey="wholesale" name={t("wholesale")} fill="#fa8c16" radius={[4, 4, 0, 0]} isAnimationActive={false} />
          <Bar dataKey="margin" name={t("margin")} fill="#389e0d" radius={[4, 4, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
