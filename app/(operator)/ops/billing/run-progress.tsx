"use client";

import { useEffect } from "react";
import { useTranslations } from "next-intl";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Flex, Progress, Typography } from "antd";
import { useTRPC } from "@/app/_trpc/client";
import { readableMessage, shownError } from "@/app/_components/audit/trpc-error";
import { RunSummary } from "./run-summary";
import { useBillingFormat } from "./use-billing-format";

const POLL_MS = 1_000;

/** Follows one run: polls it every second while it runs, then shows its summary and refreshes the lists. */
export function RunProgress({ runId }: { runId: string }) {
  const t = useTranslations("opsBilling");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { count } = useBillingFormat();
  const run = useQuery({
    ...trpc.billing.runs.get.queryOptions({ runId }),
    staleTime: 0,
    refetchInterval: (q) => (q.state.data && q.state.data.status !== "running" ? false : POLL_MS),
  });
  const status = run.data?.status;
  const error = shownError(run.error);

  useEffect(() => {
    // Charges move balances, the overdue list and the runs list: refresh them once the run ends.
    if (status === "done" || status === "failed") void queryClient.invalidateQueries({ queryKey: trpc.billing.pathKey() });
  }, [status, queryClient, trpc]);

  if (error) return <Alert type="error" showIcon title={t("errors.loadFailed")} description={readableMessage(error, t)} />;
  if (!run.data) return null;
  const r = run.data;
  return (
    <Flex vertical gap={12}>
      <div>
        <Typography.Text>
          {status === "running" ? t("runs.running", { month: r.month }) : status === "done" ? t("runs.finished", { month: r.month }) : t("runs.failed", { month: r.month })}
        </Typography.Text>
        <Progress
          percent={r.progress}
          status={status === "running" ? "active" : status === "done" ? "success" : "exception"}
          aria-label={t("runs.progress")}
          format={(p) => `${p}% · ${t("runs.processedOf", { processed: count(r.processed), total: count(r.tenantsTotal) })}`}
        />
      </div>
      {status !== "running" && <RunSummary run={r} />}
    </Flex>
  );
}
