"use client";

import { useTranslations } from "next-intl";
import { useQuery } from "@tanstack/react-query";
import { Alert, Card, Col, Empty, Row, Statistic, Typography } from "antd";
import { useTRPC } from "@/app/_trpc/client";
import { readableMessage, shownError } from "@/app/_components/audit/trpc-error";
import type { BillingTab } from "./billing-tabs";
import { ChargesChart } from "./charges-chart";
import { RunSummary } from "./run-summary";
import { SummaryCounts } from "./summary-counts";
import { useBillingFormat } from "./use-billing-format";

/**
 * The billing page's first look: the prepayment all tenants hold, who is behind, what waits for
 * an operator, what the runs charged, and how many seats and tenants there are in each state.
 */
export function OverviewTab({ onOpen }: { onOpen: (tab: BillingTab) => void }) {
  const t = useTranslations("opsBilling");
  const trpc = useTRPC();
  const { money, count } = useBillingFormat();
  const summary = useQuery(trpc.billing.ops.summary.queryOptions());
  const pending = useQuery(trpc.billing.transfers.pending.queryOptions());
  const overdue = useQuery(trpc.billing.ops.overdue.queryOptions({ page: 1, pageSize: 1 }));
  // A year of runs is a few dozen rows: enough for the chart's twelve months.
  const runs = useQuery(trpc.billing.runs.list.queryOptions({ page: 1, pageSize: 100 }));
  const error = shownError(summary.error ?? pending.error ?? overdue.error ?? runs.error);
  const received = summary.data?.paymentsThisMonth;
  const lastRun = runs.data?.items[0];
  const pendingTotal = (pending.data ?? []).reduce((sum, o) => sum + o.amount, 0);
  // Each figure opens the tab where an operator acts on it.
  const kpi = (tab: BillingTab) => ({ hoverable: true, onClick: () => onOpen(tab), style: { cursor: "pointer", height: "100%" } });

  return (
    <Row gutter={[16, 16]}>
      {error && (
        <Col span={24}>
          <Alert type="error" showIcon title={t("errors.loadFailed")} description={readableMessage(error, t)} />
        </Col>
      )}
      <Col xs={24} md={12} xl={6}>
        <Card {...kpi("balances")}>
          <Statistic title={t("overview.totalBalance")} value={summary.data ? money(summary.data.totalBalance) : "—"} loading={summary.isLoading} />
          {received && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t("overview.receivedThisMonth", { month: received.month, amount: money(received.amount), count: received.count })}
            </Typography.Text>
          )}
        </Card>
      </Col>
      <Col xs={24} md={12} xl={6}>
        <Card {...kpi("overdue")}>
          <Statistic
            title={t("overview.overdue")}
            value={overdue.data ? count(overdue.data.total) : "—"}
            loading={overdue.isLoading}
            styles={{ content: { color: overdue.data?.total ? "#cf1322" : undefined } }}
          />
        </Card>
      </Col>
      <Col xs={24} md={12} xl={6}>
        <Card {...kpi("transfers")}>
          <Statistic
            title={t("overview.pendingTransfers")}
            value={pending.data ? count(pending.data.length) : "—"}
            loading={pending.isLoading}
            suffix={pending.data?.length ? <span style={{ fontSize: 16 }}>· {money(pendingTotal)}</span> : undefined}
          />
        </Card>
      </Col>
      <Col xs={24} md={12} xl={6}>
        <Card {...kpi("runs")}>
          <Statistic
            title={lastRun ? t("overview.lastRunCharged", { month: lastRun.month }) : t("overview.lastRun")}
            value={lastRun ? money(lastRun.chargedAmount) : "—"}
            loading={runs.isLoading}
            suffix={lastRun ? <span style={{ fontSize: 16 }}>· {t("runs.chargedTenants", { count: lastRun.charged })}</span> : undefined}
          />
        </Card>
      </Col>
      <Col span={24}>
        <Card title={t("overview.counts.title")}>
          <SummaryCounts summary={summary.data} loading={summary.isLoading} />
        </Card>
      </Col>
      <Col xs={24} xl={16}>
        <Card title={t("overview.chart.title")} style={{ height: "100%" }}>
          {runs.data && runs.data.items.length > 0 ? <ChargesChart runs={runs.data.items} /> : <Empty description={t("runs.empty")} />}
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Card title={t("overview.lastRun")} style={{ height: "100%" }}>
          {lastRun ? <RunSummary run={lastRun} compact /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("runs.empty")} />}
        </Card>
      </Col>
    </Row>
  );
}
