"use client";

import { useTranslations } from "next-intl";
import { Flex, Typography } from "antd";
import { Area, AreaChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { BalanceProjection } from "./projection";
import { useBillingFormat } from "./use-billing-format";

const BLUE = "#1f5fbf";
const RED = "#cf1322";

/** The projected balance after each month's fee, down to the month it can no longer pay. */
export function BalanceChart({ projection, currency }: { projection: BalanceProjection; currency: string }) {
  const t = useTranslations("billing.chart");
  const { money, month } = useBillingFormat();
  const { points, runsOutMonth, truncated } = projection;
  const data = runsOutMonth ? [...points, { month: runsOutMonth, balance: points.at(-1)!.balance, fee: null }] : points;
  const first = data[0]!.month;
  const tick = (m: string) => (m === first ? t("now") : m);

  return (
    <figure style={{ margin: 0 }} aria-label={t("title")}>
      <Flex justify="space-between" wrap gap={8}>
        <Typography.Text strong>{t("title")}</Typography.Text>
        <Typography.Text type="secondary">{truncated ? t("truncated", { months: points.length - 1 }) : t("caption")}</Typography.Text>
      </Flex>
      <ResponsiveContainer width="100%" height={240}>
        <AreaChart data={data} margin={{ top: 16, right: 32, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="month" tickFormatter={tick} minTickGap={16} interval="preserveStartEnd" />
          <YAxis width={96} domain={[0, "auto"]} tickFormatter={(fen: number) => money(fen, currency)} />
          <Tooltip
            labelFormatter={(m) => (m === first ? t("now") : month(String(m)))}
            formatter={(fen) => [money(Number(fen), currency), t("balance")]}
          />
          {runsOutMonth && (
            <ReferenceLine x={runsOutMonth} stroke={RED} strokeDasharray="4 4" label={{ value: t("runsOut"), position: "insideTopRight", fill: RED }} />
          )}
          <Area type="stepAfter" dataKey="balance" stroke={BLUE} fill={BLUE} fillOpacity={0.12} strokeWidth={2} isAnimationActive={false} />
        </AreaChart>
      </ResponsiveContainer>
    </figure>
  );
}
