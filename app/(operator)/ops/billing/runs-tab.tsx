"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Alert, Card, Flex, Typography } from "antd";
import { useTRPC } from "@/app/_trpc/client";
import { readableMessage, shownError } from "@/app/_components/audit/trpc-error";
import { RunMonthForm } from "./run-month-form";
import { RunProgress } from "./run-progress";
import { RunsTable } from "./runs-table";

/** Billing runs: start a month's run and follow it, and every run's summary below. */
export function RunsTab() {
  const t = useTranslations("opsBilling");
  const trpc = useTRPC();
  const [runId, setRunId] = useState<string | null>(null);
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const runs = useQuery({ ...trpc.billing.runs.list.queryOptions(paging), placeholderData: keepPreviousData, staleTime: 0 });
  const error = shownError(runs.error);

  return (
    <Flex vertical gap={16}>
      <Card title={t("runs.startTitle")}>
        <Flex vertical gap={16}>
          <Typography.Text type="secondary">{t("runs.startHelp")}</Typography.Text>
          <RunMonthForm onStarted={setRunId} />
          {runId && <RunProgress key={runId} runId={runId} />}
        </Flex>
      </Card>
      <Card title={t("runs.listTitle")}>
        {error && <Alert type="error" showIcon title={t("errors.loadFailed")} description={readableMessage(error, t)} />}
        <RunsTable
          data={runs.data}
          loading={runs.isFetching}
          page={paging.page}
          pageSize={paging.pageSize}
          onPage={(page, pageSize) => setPaging({ page: pageSize === paging.pageSize ? page : 1, pageSize })}
        />
      </Card>
    </Flex>
  );
}
