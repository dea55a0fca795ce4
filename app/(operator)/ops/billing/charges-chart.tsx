"use client";

import { useTranslations } from "next-intl";
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { BillingRunView } from "@/server/billing/run/billing-run.types";
import { useBillingFormat } from "./use-billing-format";

const MIN_AMOUNT_AXIS = 100_00; // ¥100

type MonthPoint = { month: string; amount: number; charged: number; suspended: number };

/**
 * Monthly fees charged per billing month, summed over the month's runs (a re-run charges only
 * who was missed, so the sum is the month's total), with the tenants charged and suspended.
 */
export function chargesByMonth(runs: BillingRunView[], months = 12): MonthPoint[] {
  const byMonth = new Map<string, MonthPoint>();
  for (const r of runs) {
    const p = byMonth.get(r.month) ?? { month: r.month, amount: 0, charged: 0, suspended: 0 };
    p.amount += r.chargedAmount;
    p.charged += r.charged;
    p.suspended += r.suspended;
    byMonth.set(r.month, p);
  }
  return [...byMonth.values()].sort((a, b) => (a.month < b.month ? -1 : 1)).slice(-months);
}

export function ChargesChart({ runs }: { runs: BillingRunView[] }) {
  const t = useTranslations("opsBilling.overview.chart");
  const { money, count } = useBillingFormat();
  const data = chargesByMonth(runs);
  return (
    <figure style={{ margin: 0 }} aria-label={t("title")}>
      <ResponsiveContainer width="100%" height={300}>
        <ComposedChart data={data} margin={{ top: 16, right: 24, bottom: 0, left: 24 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="month" />
          {/* Floors keep an all-zero month from drawing an axis of fractions of a fen or of a tenant. */}
          <YAxis yAxisId="amount" width={100} domain={[0, (max: number) => Math.max(max, MIN_AMOUNT_AXIS)]} tickFormatter={(fen: number) => money(fen)} />
          <YAxis yAxisId="tenants" orientation="right" allowDecimals={false} width={40} domain={[0, (max: number) => Math.max(max, 4)]} />
          <Tooltip formatter={(value, name) => (name === t("amount") ? money(Number(value)) : count(Number(value)))} />
          <Legend />
          <Bar yAxisId="amount" dataKey="amount" name={t("amount")} fill="#1f5fbf" radius={[4, 4, 0, 0]} isAnimationActive={false} />
          <Line yAxisId="tenants" dataKey="charged" name={t("charged")} stroke="#389e0d" strokeWidth={2} isAnimationActive={false} />
          <Line yAxisId="tenants" dataKey="suspended" name={t("suspended")} stroke="#cf1322" strokeWidth={2} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  );
}
