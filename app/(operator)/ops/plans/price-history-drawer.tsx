"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useQuery } from "@tanstack/react-query";
import { Alert, Drawer, Flex, Table, Tag, Typography } from "antd";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useTRPC } from "@/app/_trpc/client";
import { readableMessage, shownError } from "@/app/_components/audit/trpc-error";
import type { PlanPriceRow } from "@/server/billing/plans/list-plan-prices.types";
import { usePlanFormat } from "./use-plan-format";

/** A plan's prices over time: a step line (a price holds until the next one) and the rows. */
export function PriceHistoryDrawer({ planId, onClose }: { planId: string | null; onClose: () => void }) {
  const t = useTranslations("plans");
  const trpc = useTRPC();
  const format = useFormatter();
  const { money } = usePlanFormat();
  const history = useQuery({
    ...trpc.billing.plans.priceHistory.queryOptions({ planId: planId ?? "" }),
    enabled: planId !== null,
    staleTime: 0,
  });
  const data = planId ? history.data : undefined;
  const error = shownError(history.error);
  const prices = data?.prices ?? [];
  const currency = data?.plan.currency ?? "CNY";

  // The last price still holds: repeat it at the time the history was read, so its step shows.
  const points = prices.map((p) => ({ at: p.effectiveFrom.getTime(), fen: p.pricePerSeatYear, change: true }));
  const last = points.at(-1);
  if (last) points.push({ at: Math.max(history.dataUpdatedAt, last.at), fen: last.fen, change: false });
  // Changes within a day or two are told apart by their time, longer histories by their date.
  const shortSpan = points.length > 0 && points.at(-1)!.at - points[0]!.at < 2 * 86_400_000;
  const tick = (at: number) =>
    format.dateTime(new Date(at), shortSpan ? { month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit" } : { dateStyle: "medium" });

  return (
    <Drawer
      open={planId !== null}
      onClose={onClose}
      size={640}
      destroyOnHidden
      title={data ? t("priceHistory.title", { name: data.plan.name }) : t("history")}
    >
      <Flex vertical gap={16}>
        {error && <Alert type="error" showIcon title={t("errors.historyFailed")} description={readableMessage(error, t)} />}
        {points.length > 0 && (
          <figure style={{ margin: 0 }} aria-label={t("priceHistory.chart")}>
            <Typography.Text type="secondary">{t("priceHistory.chart")}</Typography.Text>
            <ResponsiveContainer width="100%" height={220}>
              <LineChart data={points} margin={{ top: 16, right: 40, bottom: 0, left: 16 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="at" type="number" scale="time" domain={["dataMin", "dataMax"]} tickFormatter={tick} />
                <YAxis
                  dataKey="fen"
                  width={90}
                  domain={[0, "auto"]}
                  tickFormatter={(fen: number) => money(fen, currency)}
                />
                <Tooltip
                  labelFormatter={(at) => format.dateTime(new Date(Number(at)), { dateStyle: "medium", timeStyle: "short" })}
                  formatter={(fen) => [money(Number(fen), currency), t("priceHistory.price")]}
                />
                <Line
                  type="stepAfter"
                  dataKey="fen"
                  stroke="#1f5fbf"
                  strokeWidth={2}
                  isAnimationActive={false}
                  // A dot where the price changed; none on the "still holds today" end point.
                  dot={({ cx, cy, payload, index }) => (
                    <circle key={index} cx={cx} cy={cy} r={payload.change ? 3 : 0} fill="#fff" stroke="#1f5fbf" strokeWidth={2} />
                  )}
                />
              </LineChart>
            </ResponsiveContainer>
          </figure>
        )}
        <Table<PlanPriceRow>
          rowKey="id"
          size="small"
          loading={history.isFetching}
          dataSource={[...prices].reverse()}
          pagination={false}
          columns={[
            {
              key: "from",
              title: t("priceHistory.effectiveFrom"),
              render: (_, p) => (
                <span style={{ whiteSpace: "nowrap" }}>
                  {format.dateTime(p.effectiveFrom, { dateStyle: "medium", timeStyle: "short" })}
                </span>
              ),
            },
            {
              key: "price",
              title: t("priceHistory.price"),
              align: "right",
              render: (_, p) => (
                <span style={{ whiteSpace: "nowrap" }}>
                  {money(p.pricePerSeatYear, p.currency)} {p.id === prices.at(-1)?.id && <Tag color="blue">{t("priceHistory.current")}</Tag>}
                </span>
              ),
            },
            {
              key: "by",
              title: t("priceHistory.changedBy"),
              render: (_, p) => p.changedBy?.name ?? p.changedBy?.email ?? p.changedBy?.id ?? t("priceHistory.system"),
            },
          ]}
        />
      </Flex>
    </Drawer>
  );
}
