"use client";

import { useTranslations } from "next-intl";
import { useQuery } from "@tanstack/react-query";
import { Alert, Card, Flex, Skeleton, Tabs } from "antd";
import { useTRPC } from "@/app/_trpc/client";
import { readableMessage, shownError } from "@/app/_components/audit/trpc-error";
import { HistoryChart } from "./history-chart";
import { LedgerTable } from "./ledger-table";
import { PricesTable } from "./prices-table";
import { StatementPanel } from "./statement-panel";
import { SummaryCards } from "./summary-cards";
import { useAccountApi } from "./use-account-api";

export function AccountPage() {
  const t = useTranslations("resellerAccount");
  const trpc = useTRPC();
  const api = useAccountApi();
  const summary = api.useSummary();
  const prices = useQuery(trpc.resellers.account.myPrices.queryOptions());
  const error = shownError(summary.error ?? prices.error);
  return (
    <Flex vertical gap={16}>
      {error && <Alert type="error" showIcon title={t("errors.loadFailed")} description={readableMessage(error, t)} />}
      {summary.data ? <SummaryCards summary={summary.data} /> : <Skeleton active />}
      {summary.data && (
        <Card title={t("chart.title")}>
          <HistoryChart summary={summary.data} />
        </Card>
      )}
      <Card>
        <Tabs
          items={[
            { key: "ledger", label: t("tabs.ledger"), children: <LedgerTable /> },
            { key: "statement", label: t("tabs.statement"), children: <StatementPanel /> },
            { key: "prices", label: t("tabs.prices"), children: <PricesTable rows={prices.data?.rows ?? []} loading={prices.isFetching} /> },
          ]}
        />
      </Card>
    </Flex>
  );
}
